/// The report's inline stylesheet: A4 print layout, system UI fonts with Vietnamese coverage, status colours.
///
/// Status badges keep a border, symbol and text so they read the same on a black-and-white printer.
enum HTMLStyle {
    static let css = """
        @page { size: A4; margin: 20mm 15mm 18mm 25mm; }
        @page { @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #444; } }
        html {
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
            "Liberation Sans", "DejaVu Sans", sans-serif;
          font-size: 10.5pt; line-height: 1.4; color: #000; background: #fff;
          -webkit-print-color-adjust: exact; print-color-adjust: exact;
        }
        *, *::before, *::after { box-sizing: border-box; }
        body { margin: 0; }
        @media screen { body { max-width: 180mm; margin: 12mm auto; padding: 0 8mm; } }
        .doc-head { display: grid; grid-template-columns: 42% 58%; gap: 0; text-align: center; font-size: 10pt; }
        .doc-head p { margin: 0; }
        .doc-head .upper { text-transform: none; font-weight: 400; }
        .doc-head .strong { font-weight: 700; }
        .doc-head .rule { width: 40%; margin: 4pt auto 0; border-top: 0.75pt solid #000; }
        .doc-date { font-style: italic; margin: 8pt 0 0; }
        h1 { text-align: center; font-size: 14pt; margin: 16pt 0 2pt; line-height: 1.3; }
        .subtitle { text-align: center; font-style: italic; margin: 0 0 12pt; }
        h2 { font-size: 12.5pt; margin: 14pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.2pt solid #000;
          break-after: avoid; }
        h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; }
        h4 { font-size: 10.5pt; margin: 0 0 4pt; break-after: avoid; }
        .page-break { break-after: page; height: 0; }
        .center { text-align: center; }
        .right { text-align: right; }
        .id { overflow-wrap: anywhere; }
        .doc-head .number { margin-top: 4pt; }
        .box { font-size: 12pt; line-height: 1; }
        nav.toc ul { margin: 4pt 0 10pt; padding-left: 0; list-style: none; }
        nav.toc a { color: #000; text-decoration: none; }
        p { margin: 4pt 0; }
        table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; }
        th, td { border: 0.75pt solid #555; padding: 2.5pt 4pt; vertical-align: top; text-align: left;
          overflow-wrap: break-word; hyphens: none; }
        th { background: #e6e6e6; font-weight: 700; }
        table.small { font-size: 8.5pt; }
        td.hand { height: 14mm; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        td.num { text-align: right; white-space: nowrap; }
        th.num { text-align: right; }
        .nowrap { white-space: nowrap; }
        table.fixed { table-layout: fixed; }
        td .badge { white-space: normal; }
        table.meta th { width: 24%; background: #f2f2f2; }
        table.meta4 th { width: 17%; background: #f2f2f2; }
        .pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace;
          font-size: 8.5pt; }
        .badge { display: inline-block; border: 0.75pt solid currentColor; border-radius: 2pt; padding: 0 3pt;
          font-weight: 700; white-space: nowrap; }
        .s-pass { color: #1b5e20; background: #e8f5e9; }
        .s-fail { color: #b71c1c; background: #ffebee; }
        .s-warn { color: #7a4a00; background: #fff3e0; }
        .s-error { color: #6a1b9a; background: #f3e5f5; }
        .s-na { color: #424242; background: #f5f5f5; }
        .s-nassessed { color: #37474f; background: #eceff1; border: 1px dashed #90a4ae; }
        .s-manual { color: #0d47a1; background: #e3f2fd; }
        .s-waived { color: #37474f; background: #eceff1; border-style: dashed; }
        .overall { border: 1.5pt solid currentColor; padding: 6pt 8pt; font-size: 12pt; font-weight: 700;
          margin: 6pt 0 10pt; }
        .overall p { margin: 0; }
        .overall p + p { font-size: 9.5pt; font-weight: 400; margin-top: 3pt; color: #000; }
        .proof { font-size: 8.5pt; }
        .finding { border: 0.75pt solid #888; padding: 5pt 7pt; margin: 6pt 0 8pt; break-inside: avoid; }
        .finding table { margin-bottom: 4pt; }
        .tag { font-size: 8pt; border: 0.5pt solid #555; padding: 0 2pt; white-space: nowrap; }
        .muted { color: #333; font-size: 9pt; }
        .chart { width: 100%; max-width: 165mm; height: auto; display: block; margin: 4pt 0; }
        .chart text { font-size: 11px; fill: #000; }
        .empty-section h2 { border-bottom-width: 0.75pt; }
        .sign { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; text-align: center; margin-top: 14pt;
          break-inside: avoid; }
        .sign p { margin: 0; }
        .sign > div:only-child { grid-column: 2; }
        .sign .recipients { text-align: left; font-size: 9pt; }
        .sign .space { height: 30mm; }
        footer { margin-top: 14pt; border-top: 0.5pt solid #888; padding-top: 3pt; }
        """
}
