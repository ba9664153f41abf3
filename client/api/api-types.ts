// API types for the client, inferred from the server's router (never written by hand), so a
// change to a procedure's output is a compile error here rather than a bug in the browser.
import type { TRPCClientErrorLike } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/app-router';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type PivotResponse = Outputs['query']['pivot'];
export type PivotInput = Inputs['query']['pivot'];
export type DatasetResponse = Outputs['catalogue']['dataset'];
export type DatasetSummary = Outputs['catalogue']['datasets'][number];
export type FieldResponse = DatasetResponse['fields'][number];
export type CodeFieldResponse = Extract<FieldResponse, { type: 'code' }>;
export type NumberFieldResponse = Extract<FieldResponse, { type: 'number' }>;
export type MeasureResponse = DatasetResponse['measures'][number];
export type CodeMatchResponse = Outputs['catalogue']['searchCodes'][number];
export type SignedInUser = Outputs['auth']['me']['user'];

export type ApiError = TRPCClientErrorLike<AppRouter>;
