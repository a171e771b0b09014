/**
 * Render benchmark (issue 4, point 12): plain chartjs-chart-treemap `update()` with new colours
 * against our live path, for 500 and 5,000 generated tiles, plus first paint, in headless
 * Chromium. Builds bench/render-page with Vite, serves it from 127.0.0.1 on a free port and
 * drives it with playwright-core. Run alone with `tsx bench/render.ts` or through `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'vite';

import { launchChromium } from '../tests/e2e/chromium.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, '.cache/bench-render');
const SIZES = [500, 5000];
const RUNS = Number(process.env.RENDER_BENCH_RUNS ?? 21);
/** Targets from the issue: median live update of all tiles, and first paint of 500. */
const TARGET = { update500: 5, update5000: 16, firstPaint500: 300 };

/** What bench/render-page/main.ts puts on the page's global object. */
interface BenchHost {
  runRenderBench(
    sizes: number[],
    runs: number,
  ): Array<{
    tiles: number;
    baseline: { firstPaint: number; update: number };
    ours: { firstPaint: number; update: number; repainted: number };
  }>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

export async function runRenderBench(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<boolean> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: join(ROOT, 'bench/render-page'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      build: { outDir: OUT, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }

  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(OUT, path === '/' ? 'index.html' : path);
    if (!file.startsWith(OUT)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(
      () => typeof (globalThis as Partial<BenchHost>).runRenderBench === 'function',
    );
    const results = await page.evaluate(
      ([s, r]) => (globalThis as unknown as BenchHost).runRenderBench([...s], r),
      [SIZES, RUNS] as const,
    );

    const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
    write(`\nRender bench, headless Chromium, median of ${RUNS} live updates (all tiles move)`);
    write('tiles   baseline update()   ours   ratio   first paint: baseline   ours');
    for (const r of results) {
      const ratio = r.baseline.update / r.ours.update;
      write(
        `${String(r.tiles).padStart(5)} ${ms(r.baseline.update)}        ${ms(r.ours.update)} ` +
          `${ratio.toFixed(1).padStart(5)}×   ${ms(r.baseline.firstPaint)}       ${ms(r.ours.firstPaint)}`,
      );
    }
    const small = results.find((r) => r.tiles === 500);
    const large = results.find((r) => r.tiles === 5000);
    const ok =
      !!small &&
      !!large &&
      small.ours.update <= TARGET.update500 &&
      large.ours.update <= TARGET.update5000 &&
      small.ours.firstPaint < TARGET.firstPaint500;
    write(
      `targets (≤${TARGET.update500} ms @500, ≤${TARGET.update5000} ms @5000, first paint ` +
        `<${TARGET.firstPaint500} ms @500): ${ok ? 'met' : 'NOT met'}`,
    );
    return ok;
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  runRenderBench().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error('render bench: failed', error);
      process.exit(2);
    },
  );
}
