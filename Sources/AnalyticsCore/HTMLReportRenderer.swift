/// One self-contained HTML file (no network, fonts or external scripts): each document's text with
/// the analyzers' highlights (hover for the detail), every analyzer's blocks (tables sort on a
/// click, bars as a chart, outlines as lists), and the corpus section with heat maps.
public enum HTMLReportRenderer {
    /// - Parameter highlightStyles: CSS declarations for each analyzer's marks, by id, in order
    ///   (the registry's `AnalyzerDescription.highlightStyle`s).
    public static func render(_ report: Report, highlightStyles: [(id: String, css: String)] = []) -> String {
        var body = ""
        for (index, document) in report.documents.enumerated() {
            body += "<section class=\"document\" id=\"document-\(index)\">\n<h2>\(escape(document.source))</h2>\n"
            body += "<p class=\"meta\">\(NumberText.grouped(document.characters)) characters</p>\n"
            for error in document.errors { body += "<p class=\"error\">\(escape(error))</p>\n" }
            guard let source = document.document else { body += "</section>\n"; continue }
            body += "<div class=\"columns\"><div class=\"text\">\(highlighted(source, document.entries))</div>\n<div class=\"results\">\n"
            for entry in document.entries {
                body += "<h3>\(escape(entry.id))</h3>\n" + entry.result.rendering(for: source).map(render).joined()
            }
            body += "</div></div>\n</section>\n"
        }
        if !report.corpus.isEmpty {
            body += "<section class=\"corpus\"><h2>Across \(report.documents.count) documents</h2>\n"
            for entry in report.corpus {
                body += "<h3>\(escape(entry.id))</h3>\n" + entry.blocks.map(render).joined()
            }
            body += "</section>\n"
        }
        return page(body, marks: highlightStyles.map { " mark.\(escape($0.id)){\($0.css)}" }.joined())
    }

    /// The text with non-overlapping highlights: earlier spans first, longer first at the same start.
    static func highlighted(_ document: Document, _ entries: [DocumentReport.Entry]) -> String {
        struct Mark { let id: String; let span: LabeledSpan }
        var spans: [Mark] = []
        for entry in entries {
            for labeled in entry.result.highlights where labeled.span.end <= document.characterCount && !labeled.span.isEmpty {
                spans.append(Mark(id: entry.id, span: labeled))
            }
        }
        spans.sort { a, b in a.span.span.start != b.span.span.start ? a.span.span.start < b.span.span.start : a.span.span.end > b.span.span.end }
        var out = ""
        var position = 0
        for mark in spans where mark.span.span.start >= position {
            let id = mark.id, labeled = mark.span
            out += escape(document.text(TextSpan(start: position, end: labeled.span.start)))
            out += "<mark class=\"\(escape(id))\" data-start=\"\(labeled.span.start)\" data-end=\"\(labeled.span.end)\" title=\"\(escape(id)): \(escape(labeled.label))\">"
            out += escape(document.text(labeled.span)) + "</mark>"
            position = labeled.span.end
        }
        return out + escape(document.text(TextSpan(start: position, end: document.characterCount)))
    }

    public static func render(_ block: RenderBlock) -> String {
        switch block {
        case .fields(let fields):
            return "<table class=\"fields\">" + fields.map { "<tr><th>\(escape($0.label))</th><td>\(escape($0.value))</td></tr>" }.joined() + "</table>\n"
        case let .table(headers, rows, numeric):
            let head = headers.enumerated().map { "<th data-numeric=\"\(numeric.contains($0.offset))\">\(escape($0.element))</th>" }.joined()
            let body = rows.map { row in "<tr>" + row.enumerated().map { numeric.contains($0.offset) ? "<td class=\"number\">\(escape($0.element))</td>" : "<td>\(escape($0.element))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            return "<table class=\"sortable\"><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>\n"
        case .bars(let bars):
            let maximum = max(bars.map(\.value).max() ?? 1, 1e-12)
            return "<div class=\"bars\">" + bars.map { bar in
                let width = NumberText.fixed(max(bar.value, 0) / maximum * 100, digits: 1)
                return "<div class=\"bar\"><span class=\"label\">\(escape(bar.label))</span><span class=\"track\"><span class=\"fill\" style=\"width:\(width)%\"></span></span><span class=\"value\">\(escape(bar.display))</span></div>"
            }.joined() + "</div>\n"
        case .outline(let items):
            return "<ul class=\"outline\">" + items.map { "<li style=\"margin-left:\(Double($0.level) * 1.5)em\">\(escape($0.text))</li>" }.joined() + "</ul>\n"
        case .note(let text):
            return "<p>\(escape(text))</p>\n"
        case let .matrix(rowLabels, columnLabels, values):
            let maximum = max(values.flatMap { $0 }.max() ?? 1, 1e-12)
            let head = "<tr><th></th>" + columnLabels.map { "<th class=\"rotate\">\(escape($0))</th>" }.joined() + "</tr>"
            let rows = zip(rowLabels, values).map { label, row in
                "<tr><th>\(escape(label))</th>" + row.map { value in
                    let alpha = NumberText.fixed(value / maximum * 0.85 + (value > 0 ? 0.1 : 0), digits: 2)
                    return "<td class=\"heat\" style=\"background:rgba(196,30,58,\(alpha))\" title=\"\(NumberText.fixed(value, digits: 0))\">\(value > 0 ? NumberText.fixed(value, digits: 0) : "")</td>"
                }.joined() + "</tr>"
            }.joined(separator: "\n")
            return "<table class=\"heatmap\">\(head)\n\(rows)</table>\n"
        case .html(let markup, _):
            return markup
        }
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func page(_ body: String, marks: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="zh"><head><meta charset="utf-8"><title>analyze report</title>
        <style>
        body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;background:#fafafa}
        h2{border-bottom:2px solid #c41e3a;padding-bottom:.2em} h3{margin-bottom:.3em;color:#c41e3a}
        .columns{display:flex;gap:2em;align-items:flex-start} .text{flex:3;white-space:pre-wrap;line-height:1.9;background:#fff;padding:1em;border:1px solid #ddd}
        .results{flex:2;min-width:24em} .meta{color:#666} .error{color:#b00;font-weight:bold}
        mark{border-radius:3px;padding:0 1px;cursor:help}\(marks)
        table{border-collapse:collapse;margin:.5em 0;font-size:.9em} th,td{border:1px solid #ddd;padding:2px 6px;text-align:left} td.number{text-align:right}
        table.sortable th{cursor:pointer;background:#f0f0f0} table.sortable th:hover{background:#e0e0e0}
        .bar{display:flex;align-items:center;gap:.5em;font-size:.9em} .bar .label{width:10em;overflow:hidden;white-space:nowrap}
        .bar .track{flex:1;background:#eee;height:.8em} .bar .fill{display:block;height:100%;background:#c41e3a} .bar .value{width:5em;text-align:right}
        ul.outline{list-style:none;padding-left:0} td.heat{text-align:center;min-width:2em}
        </style></head><body>
        <h1>analyze report</h1>
        \(body)
        <script>
        document.querySelectorAll('table.sortable').forEach(function(table){
          table.querySelectorAll('th').forEach(function(th,column){
            th.addEventListener('click',function(){
              var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows), numeric=th.dataset.numeric==='true';
              var ascending=th.dataset.order!=='ascending'; th.dataset.order=ascending?'ascending':'descending';
              rows.sort(function(a,b){var x=a.cells[column].textContent,y=b.cells[column].textContent;
                if(numeric){x=parseFloat(x.replace(/[^0-9.\\-]/g,''))||0;y=parseFloat(y.replace(/[^0-9.\\-]/g,''))||0;return ascending?x-y:y-x;}
                return ascending?x.localeCompare(y):y.localeCompare(x);});
              rows.forEach(function(row){body.appendChild(row);});
            });
          });
        });
        </script>
        </body></html>

        """
    }
}
