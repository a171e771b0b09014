/** Hooks the Chromium render bench (render.ts) into `npm run bench` (see run.ts). */
import { runRenderBench } from './render.js';

export default (write: (line: string) => void): Promise<boolean> => runRenderBench(write);
