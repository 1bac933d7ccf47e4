import { z } from 'zod';
/** zod 4's English messages for the issues pgwarden's schemas can raise. */
export declare const zod4Messages: z.ZodErrorMap;
