// The only place a domain error meets HTTP. A Record over every code makes a missing mapping
// a compile error (as in tRPC's getHTTPStatusCode).
import { TRPCError } from '@trpc/server';
import { DomainError, type DomainErrorCode } from '../../shared/errors/domain-error';

const TRPC_CODE: Record<DomainErrorCode, TRPCError['code']> = {
  'unknown-dataset': 'BAD_REQUEST',
  'unknown-field': 'BAD_REQUEST',
  'unknown-level': 'BAD_REQUEST',
  'unknown-measure': 'BAD_REQUEST',
  'unknown-year': 'BAD_REQUEST',
  'invalid-filter': 'BAD_REQUEST',
  'invalid-query': 'BAD_REQUEST',
  'too-many-cells': 'UNPROCESSABLE_CONTENT',
  'disclosure-refused': 'FORBIDDEN',
  'query-timeout': 'TIMEOUT',
  'query-cancelled': 'CLIENT_CLOSED_REQUEST',
  'not-authenticated': 'UNAUTHORIZED',
  'invalid-credentials': 'UNAUTHORIZED',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}
