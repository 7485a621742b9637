// The editor page's own script (a classic script, served by lib/edit/server.ts after Decap CMS's bundle):
// starts Decap with the configuration the server made, the archive's stylesheet in the preview, and an
// essay preview whose body is rendered by the build's own renderer (POST /api/preview), notes and figures
// as readers will see them. Decap's bundle provides `CMS`, `createClass` and `h` (React's createElement).
(() => {
  const config = JSON.parse(document.getElementById("editor-config").textContent);
  CMS.registerPreviewStyle("/archive.css");

  const EssayPreview = createClass({
    getInitialState() {
      return { html: "" };
    },
    componentDidMount() {
      this.update();
    },
    componentDidUpdate() {
      this.update();
    },
    update() {
      const data = this.props.entry.get("data");
      const body = data.get("body") || "";
      const lang = data.get("lang") || "";
      const key = `${lang}\u0000${body}`;
      if (key === this.asked) return;
      this.asked = key;
      fetch("/api/preview", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ body, lang }) })
        .then((response) => response.json())
        .then((answer) => {
          if (this.asked === key) this.setState({ html: answer.html });
        });
    },
    render() {
      const data = this.props.entry.get("data");
      return h(
        "article",
        { className: "essay", lang: data.get("lang") || undefined },
        h("header", { className: "essay-header" }, h("h1", {}, data.get("title") || "")),
        data.get("summary") ? h("p", { className: "summary" }, data.get("summary")) : null,
        h("div", { className: "essay-body", dangerouslySetInnerHTML: { __html: this.state.html } }),
      );
    },
  });
  CMS.registerPreviewTemplate("essays", EssayPreview);
  CMS.init({ config });
})();
