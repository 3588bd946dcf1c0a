// Renders a BPMN file to SVG and PNG with bpmn-js in headless Chromium (playwright-core).
// Usage: node render-process-diagram.js <in.bpmn> <out.svg> <out.png> [pngWidth]
// NODE_PATH must point at a node_modules with bpmn-js and playwright-core (see render-process-diagram.sh).
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [bpmnFile, svgFile, pngFile, widthArg] = process.argv.slice(2);
  if (!bpmnFile || !svgFile || !pngFile) {
    console.error('usage: node render-process-diagram.js <in.bpmn> <out.svg> <out.png> [pngWidth]');
    process.exit(2);
  }
  const pngWidth = Number(widthArg || 3200);
  const bpmnJsDir = path.dirname(require.resolve('bpmn-js/package.json'));
  const xml = fs.readFileSync(bpmnFile, 'utf8');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.on('pageerror', e => console.error('page error:', e.message));
    await page.goto('file://' + path.join(__dirname, 'render-process-diagram.html'));
    await page.addStyleTag({ path: path.join(bpmnJsDir, 'dist/assets/bpmn-js.css') });
    await page.addStyleTag({ path: path.join(bpmnJsDir, 'dist/assets/diagram-js.css') });
    await page.addScriptTag({ path: path.join(bpmnJsDir, 'dist/bpmn-viewer.production.min.js') });

    const result = await page.evaluate(x => window.renderDiagram(x), xml);
    for (const w of result.warnings) console.error('import warning:', w);
    // bpmn-js names its arrow-head markers randomly; number them so that the SVG only changes
    // when the diagram does.
    const ids = new Map();
    const svg = result.svg.replace(/marker-[a-z0-9]{10,}/g,
      m => ids.get(m) || (ids.set(m, `marker-${ids.size + 1}`), ids.get(m)));
    fs.writeFileSync(svgFile, svg);

    const dataUrl = await page.evaluate(([s, w]) => window.rasterise(s, w), [svg, pngWidth]);
    fs.writeFileSync(pngFile, Buffer.from(dataUrl.split(',')[1], 'base64'));
    console.log(`wrote ${svgFile} and ${pngFile} (${pngWidth} px wide); diagram bounds`,
      JSON.stringify(result.inner));
    if (result.warnings.length) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch(e => { console.error(e); process.exit(1); });
