import { ZodError } from "zod";
import { AppError, type ErrorBody, type ErrorCode, errorCodes } from "@/lib/api/errors";
import { logger } from "@/lib/logger";

export function errorResponse(code: ErrorCode, message: string, details?: unknown, headers?: Record<string, string>) {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return Response.json(body, { status: errorCodes[code], headers });
}

export function zodIssues(err: ZodError) {
  return err.issues.map((i) => ({ field: i.path.join(".") || "(root)", message: i.message, code: i.code }));
}

function prismaCode(err: unknown): string | undefined {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string" && /^P\d{4}$/.test(err.code)) {
    return err.code;
  }
  return undefined;
}

/** The one translation from thrown errors to the error body. Never leaks stack traces. */
export function handleApiError(err: unknown, requestId?: string): Response {
  if (err instanceof AppError) return errorResponse(err.code, err.message, err.details, err.headers);
  if (err instanceof ZodError) {
    const issues = zodIssues(err);
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
    return errorResponse("unprocessable_entity", `Invalid request: ${summary}`, issues);
  }
  const code = prismaCode(err);
  if (code === "P2025") return errorResponse("not_found", "Record not found");
  if (code === "P2002") return errorResponse("conflict", "A record with these values already exists");
  logger.error({ err, requestId }, "unhandled API error");
  return errorResponse("internal_error", "Internal server error", requestId ? { requestId } : undefined);
}
