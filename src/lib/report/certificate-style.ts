/** Inline CSS of the HTML certificate: readable on screen, clean on paper (print rules at the end). */
export const CERTIFICATE_CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.meta { color: #555; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; }
td.num { text-align: right; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; word-break: break-all; }
.verdict { display: inline-block; padding: .15rem .6rem; border-radius: .25rem; font-weight: 700; border: 2px solid; }
.ok { color: #005a8c; border-color: #0072B2; background: #e8f3fa; }
.bad { color: #8a3a00; border-color: #D55E00; background: #fbeee6; }
.open { color: #444; border-color: #888; background: #f3f3f3; }
ul.statements { padding-left: 1.2rem; }
.sample { columns: 4 10rem; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8em; padding-left: 1.5rem; }
.legend span { margin-right: 1rem; }
.swatch { display: inline-block; width: 1.5rem; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: .3rem; }
pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; font-size: .8em; white-space: pre-wrap; word-break: break-all; }
footer { margin-top: 2rem; color: #666; font-size: .85em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  table, svg, .card { break-inside: avoid; }
  .sample { columns: 5; }
  a { color: inherit; text-decoration: none; }
  @page { margin: 15mm; }
}
`;
