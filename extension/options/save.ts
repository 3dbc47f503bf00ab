/** How sections change settings: a partial update, answered with success or the field errors. */
export type Save = (update: Record<string, unknown>, successText?: string) => Promise<boolean>;
