// Types for validators.generated.js (ajv standalone code generated from schemas/).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const request: GeneratedValidator;
export declare const policy: GeneratedValidator;
export declare const identities: GeneratedValidator;
