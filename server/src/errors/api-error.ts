import { ERROR_STATUS, type ErrorCode } from '@gridmap/shared';
import { HTTPException } from 'hono/http-exception';

/** An error the API answers on purpose: its code gives the status, `field` names bad input. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(ERROR_STATUS[code], { message });
    this.code = code;
    this.field = field;
  }
}
