/** WhatsApp's and Callbell's limits (callbell-api.md): the schema, the UI counters and the tests use these. */
export const TEXT_MAX_LENGTH = 4096;
export const CAPTION_MAX_LENGTH = 1024;
export const TEMPLATE_VALUE_MAX_LENGTH = 1024;
export const TEMPLATE_VALUE_MAX_CONSECUTIVE_SPACES = 4;
export const METADATA_MAX_PAIRS = 10;
export const METADATA_KEY_MAX_LENGTH = 50;
export const METADATA_VALUE_MAX_LENGTH = 500;
export const RECIPIENT_ID_MAX_LENGTH = 200;
