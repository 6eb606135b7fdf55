// Render TeX formulas with KaTeX. Reads {"root", "formulas": [[tex, display], ...]}
// as JSON on stdin and writes [{"html"} or {"error"}, ...] as JSON on stdout.
// Strict mode turns KaTeX's warnings (e.g. unicode in math) into errors too.

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const katex = require(require.resolve("katex", { paths: [request.root] }));
  const results = request.formulas.map(([tex, display]) => {
    try {
      return { html: katex.renderToString(tex, {
        displayMode: display, throwOnError: true, strict: "error", output: "htmlAndMathml",
      }) };
    } catch (error) {
      return { error: String(error.message || error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
