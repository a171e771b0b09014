/** Paths of the committed resources, for tests that read them. */
import { fileURLToPath } from 'node:url';

export const RESOURCES_DIR = fileURLToPath(new URL('../../../resources/', import.meta.url));
