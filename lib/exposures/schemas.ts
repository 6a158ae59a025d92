import { z } from "zod";
import { oncePerRegion, phoneInput } from "@/lib/phone/phone-input";

/**
 * The input of a lookup without a code (an agent's, an integration's): one number and
 * nothing else. Its own schema, not the check's, so either can change alone.
 */
export const lookupSchema = oncePerRegion((region) => z.object({ phone: phoneInput(region) }));
