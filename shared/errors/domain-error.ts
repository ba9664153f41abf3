// Typed domain errors: a literal code, the facts that explain it, and a message written for
// an analyst. Translated to tRPC errors in exactly one place (server/trpc/to-trpc-error.ts).

export type DomainErrorCode =
  | 'unknown-dataset'
  | 'unknown-field'
  | 'unknown-level'
  | 'unknown-measure'
  | 'unknown-year'
  | 'invalid-filter'
  | 'invalid-query'
  | 'too-many-cells'
  | 'disclosure-refused'
  | 'query-timeout'
  | 'query-cancelled'
  | 'not-authenticated'
  | 'invalid-credentials';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Which part of the query (or form) the error is about, for the UI to point at. */
  readonly path: string | undefined;
  constructor(message: string, path?: string) {
    super(message);
    this.name = new.target.name;
    this.path = path;
  }
}

export class UnknownDatasetError extends DomainError {
  readonly code = 'unknown-dataset';
  constructor(readonly dataset: string) {
    super(`There is no dataset called "${dataset}".`, 'dataset');
  }
}

export class UnknownFieldError extends DomainError {
  readonly code = 'unknown-field';
  constructor(readonly dataset: string, readonly field: string, path: string) {
    super(`The ${dataset.toUpperCase()} dataset has no field "${field}".`, path);
  }
}

export class UnknownLevelError extends DomainError {
  readonly code = 'unknown-level';
  constructor(readonly field: string, readonly level: string, path: string) {
    super(`Field "${field}" has no level "${level}".`, path);
  }
}

export class UnknownMeasureError extends DomainError {
  readonly code = 'unknown-measure';
  constructor(readonly dataset: string, readonly measure: string, path: string) {
    super(`The measure "${measure}" is not available for the ${dataset.toUpperCase()} dataset.`, path);
  }
}

export class UnknownYearError extends DomainError {
  readonly code = 'unknown-year';
  constructor(readonly dataset: string, readonly year: string, readonly available: readonly string[]) {
    super(`Year "${year}" is not available for ${dataset.toUpperCase()}; choose from ${available.join(', ')}.`, 'years');
  }
}

export class InvalidFilterError extends DomainError {
  readonly code = 'invalid-filter';
  constructor(message: string, path: string) {
    super(message, path);
  }
}

export class InvalidQueryError extends DomainError {
  readonly code = 'invalid-query';
  constructor(message: string, path?: string) {
    super(message, path);
  }
}

export class TooManyCellsError extends DomainError {
  readonly code = 'too-many-cells';
  constructor(readonly cells: number, readonly limit: number) {
    super(`This table would have about ${cells.toLocaleString('en-GB')} cells; the limit is ${limit.toLocaleString('en-GB')}. Remove a field, choose a coarser level or add a filter.`);
  }
}

export class QueryTimeoutError extends DomainError {
  readonly code = 'query-timeout';
  constructor(readonly timeoutMs: number) {
    super(`The query took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. Add a filter or choose fewer fields.`);
  }
}

export class QueryCancelledError extends DomainError {
  readonly code = 'query-cancelled';
  constructor() {
    super('The query was cancelled.');
  }
}

export class NotAuthenticatedError extends DomainError {
  readonly code = 'not-authenticated';
  constructor() {
    super('Please sign in.');
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid-credentials';
  constructor() {
    super('Email or password not recognised.');
  }
}

/** Disclosure control refuses to answer (a tracker's many paddings); the message says why and
 *  what the analyst can do, never a figure. */
export class DisclosureRefusedError extends DomainError {
  readonly code = 'disclosure-refused';
  constructor(message: string, path?: string) {
    super(message, path);
  }
}
