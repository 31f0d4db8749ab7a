import Foundation
import HTTPTypes
import Hummingbird

/// The stylesheet and the script of the pages, served from `/static/` (the Content-Security-Policy
/// allows no inline style or script). The script only opens a finding's detail as a popover;
/// without it, the finding's link jumps to the same detail in the list beside the text.
enum Assets {
    static func response(_ name: String) throws -> Response {
        switch name {
        case "gongwen.css":
            return Site.response(Data(css.utf8), format: .html, headers: [(.contentType, "text/css; charset=utf-8")])
        case "gongwen.js":
            return Site.response(Data(script.utf8), format: .html, headers: [(.contentType, "text/javascript; charset=utf-8")])
        default:
            throw PageError.notFound("There is no file /static/\(name).")
        }
    }

    static let css = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d9dee5; --soft: #f4f6f9; --accent: #1f5fae;
          --quantity: #dbeafe; --percent: #dcfce7; --permille: #fef9c3; --ratio: #f3e8ff;
          --error: #c62828; --warning: #e08600; --info: #2f7fc1; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", system-ui, sans-serif; color: var(--ink); background: #fff; }
        header.site { display: flex; gap: 1.5em; align-items: baseline; padding: .6em 1.5em; border-bottom: 1px solid var(--line); background: var(--soft); }
        header.site .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
        header.site nav a { margin-right: 1em; color: var(--accent); text-decoration: none; }
        header.site nav a[aria-current] { font-weight: 700; color: var(--ink); }
        header.site .formats { margin-left: auto; font-size: .9em; }
        main { padding: 1em 1.5em 3em; }
        h1 { font-size: 1.4em; margin: .2em 0 .6em; }
        h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
        a { color: var(--accent); }
        table.rows { border-collapse: collapse; width: 100%; font-size: .93em; }
        table.rows th, table.rows td { border-bottom: 1px solid var(--line); padding: .3em .5em; text-align: left; vertical-align: top; }
        table.rows th { background: var(--soft); }
        table.meta th { text-align: right; padding-right: 1em; color: var(--muted); font-weight: 400; vertical-align: top; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: end; padding: .6em; background: var(--soft); border: 1px solid var(--line); margin-bottom: 1em; }
        form.filters label { font-size: .9em; color: var(--muted); }
        form.filters input, form.filters select { font: inherit; padding: .15em .3em; }
        .pager { margin: .8em 0; display: flex; gap: 1em; color: var(--muted); }
        .columns { display: grid; grid-template-columns: 15em 1fr; gap: 1.5em; }
        .facets h3 { font-size: .95em; margin: 1em 0 .2em; }
        .facets ul { list-style: none; margin: 0; padding: 0; font-size: .9em; }
        .facets li { display: flex; justify-content: space-between; gap: .5em; }
        .facets .count { color: var(--muted); }
        .facets .chosen { font-weight: 700; }
        .snippet { color: var(--muted); font-size: .9em; }
        .snippet mark, mark.hit { background: #ffe58a; }
        .document { display: grid; grid-template-columns: 16em minmax(0, 1fr) 24em; gap: 1.5em; align-items: start; }
        .toc { position: sticky; top: .5em; max-height: 95vh; overflow: auto; font-size: .88em; }
        .toc ol { list-style: none; padding-left: .9em; margin: 0; }
        .toc > ol { padding-left: 0; }
        .text p { margin: 0 0 .5em; white-space: pre-wrap; }
        .text p.title { font-size: 1.2em; font-weight: 700; text-align: center; }
        .text p.heading { font-weight: 700; }
        .claim { border-radius: 3px; padding: 0 1px; }
        .k-quantity { background: var(--quantity); }
        .k-percent { background: var(--percent); }
        .k-permille { background: var(--permille); }
        .k-ratio { background: var(--ratio); }
        a.finding { color: inherit; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
        a.finding.sev-error { text-decoration-color: var(--error); text-decoration-style: wavy; }
        a.finding.sev-warning { text-decoration-color: var(--warning); text-decoration-style: wavy; }
        a.finding.sev-info { text-decoration-color: var(--info); text-decoration-style: dotted; }
        .marked { outline: 2px solid var(--accent); }
        :target { scroll-margin-top: 4em; }
        .finding-list li:target, .finding-list li.open { background: #fff4d6; }
        .sev { display: inline-block; padding: 0 .4em; border-radius: 3px; color: #fff; font-size: .8em; }
        .sev.error { background: var(--error); }
        .sev.warning { background: var(--warning); }
        .sev.info { background: var(--info); }
        .aside { font-size: .9em; }
        .aside ul { padding-left: 1.1em; }
        .aside li { margin-bottom: .5em; }
        .numbers { font-family: ui-monospace, monospace; font-size: .92em; }
        .legend span { margin-right: .8em; }
        #popover { position: absolute; z-index: 10; max-width: 32em; background: #fff; border: 1px solid var(--line); box-shadow: 0 4px 16px rgba(0,0,0,.15); padding: .6em .8em; font-size: .9em; }
        #popover[hidden] { display: none; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(26em, 1fr)); gap: 1.5em; }
        svg.chart { max-width: 34em; height: auto; }
        svg.chart text { font-size: 11px; fill: var(--ink); }
        svg.chart rect.bar { fill: #5b8fd6; }
        svg.chart rect.bar.error { fill: var(--error); }
        svg.chart rect.bar.warning { fill: var(--warning); }
        svg.chart rect.bar.info { fill: var(--info); }
        .error-message { padding: .6em; background: #fdecea; border: 1px solid #f5c2c0; }
        .stat { display: inline-block; margin-right: 2em; }
        .stat b { font-size: 1.4em; display: block; }
        """

    static let script = """
        // Opens a finding's detail (stated, recomputed, evidence) beside the underlined text.
        // Without this script the link jumps to the same detail in the list of findings.
        document.addEventListener('click', function (event) {
          var popover = document.getElementById('popover');
          var link = event.target.closest ? event.target.closest('a.finding') : null;
          if (!popover) { return; }
          if (!link) { if (!popover.contains(event.target)) { popover.hidden = true; } return; }
          var detail = document.getElementById(link.getAttribute('href').slice(1));
          if (!detail) { return; }
          event.preventDefault();
          popover.replaceChildren();
          Array.prototype.forEach.call(detail.childNodes, function (node) { popover.appendChild(node.cloneNode(true)); });
          var box = link.getBoundingClientRect();
          popover.style.left = (window.scrollX + box.left) + 'px';
          popover.style.top = (window.scrollY + box.bottom + 6) + 'px';
          popover.hidden = false;
          history.replaceState(null, '', '#finding-' + link.getAttribute('data-finding'));
        });
        document.addEventListener('keydown', function (event) {
          var popover = document.getElementById('popover');
          if (event.key === 'Escape' && popover) { popover.hidden = true; }
        });
        """
}
