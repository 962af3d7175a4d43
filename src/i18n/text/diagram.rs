//! The key-factors diagram's panel: its heading, the diagram selector, the editor, and the
//! editor's parse errors (each fills its `{places}` with the error's facts, see
//! `crate::i18n::diagram`). The nodes' labels are the Mermaid source's own (the built-in
//! diagrams come in both languages).

catalogue! {
    /// The key-factors diagram's panel.
    Diagram {
        /// The panel's heading.
        title: "Key factors" | "关键因素",
        /// The selector's label.
        select: "Diagram" | "图示",
        /// Built-in: the seed's first diagram, the pipeline, lit by the user's stage.
        pipeline: "Key factors (the map of this lab)" | "关键因素（本实验的地图）",
        /// Built-in: the pipeline with decisions.
        decisions: "Key factors, with decisions" | "关键因素与决策",
        /// Built-in: the seed's chain of problems.
        problems: "The Stability AI case: a chain of causes" | "Stability AI 案例：一连串的原因",
        /// The canvas for screen readers (`{nodes}`: the nodes' labels joined by arrows).
        flowchart: "Flowchart: {nodes}" | "流程图：{nodes}",
        /// The zoom toolbar, for screen readers.
        zoom: "Zoom" | "缩放",
        /// The button that zooms in one step.
        zoom_in: "Zoom in" | "放大",
        /// The button that zooms out one step.
        zoom_out: "Zoom out" | "缩小",
        /// The button that shows the whole diagram in its box.
        zoom_fit: "Fit" | "适应",
        /// What the fit button does.
        zoom_fit_title: "Show the whole diagram" | "显示整张图",
        /// How to zoom and pan besides the buttons.
        zoom_help: "Ctrl + wheel or + and − zoom, 0 fits; drag or scroll to pan." | "Ctrl + 滚轮或 + 和 − 缩放，0 显示全图；拖动或滚动可平移。",
        /// The editor's summary.
        edit: "Edit the Mermaid source" | "编辑 Mermaid 源码",
        /// The editor's text area (for screen readers).
        source: "Mermaid source of the diagram" | "图示的 Mermaid 源码",
        /// A parse error: where (`{line}`, `{column}`, from 1), then what (one of the `parse_*` keys).
        parse_at: "line {line}, column {column}: {problem}" | "第 {line} 行第 {column} 列：{problem}",
        /// What was found instead: some text.
        found_text: "found \"{text}\"" | "却遇到了“{text}”",
        /// What was found instead: nothing more on the line.
        found_end_of_line: "found the end of the line" | "却遇到了行尾",
        /// What was found instead: nothing more in the text.
        found_end_of_input: "found the end of the text" | "却遇到了文本末尾",
        /// No `graph` or `flowchart` header (`{found}`: one of the `found_*` keys).
        parse_missing_header: "expected a header such as \"graph TD\" or \"flowchart LR\", {found}" | "应以“graph TD”或“flowchart LR”这样的表头开头，{found}",
        /// A direction other than TD, TB, BT, LR or RL.
        parse_unknown_direction: "unknown direction \"{found}\": use TD, TB, BT, LR or RL" | "未知的方向“{found}”：请用 TD、TB、BT、LR 或 RL",
        /// Something after the header's direction.
        parse_after_header: "expected \";\" or the end of the line after the header, {found}" | "表头之后应为“;”或行尾，{found}",
        /// No node id at the start of a statement.
        parse_expected_node: "expected a node id, {found}" | "应为节点 id，{found}",
        /// No node id after an arrow.
        parse_expected_node_after_arrow: "expected a node id after the arrow {arrow}, {found}" | "箭头 {arrow} 之后应为节点 id，{found}",
        /// No node id after `&`.
        parse_expected_node_after_ampersand: "expected a node id after \"&\", {found}" | "“&”之后应为节点 id，{found}",
        /// A node followed by neither an arrow, `&`, `;` nor the end of the line.
        parse_expected_arrow: "expected an arrow such as --> after node \"{node}\", {found}" | "节点“{node}”之后应为 --> 这样的箭头，{found}",
        /// A node's label never closed.
        parse_unclosed_label: "the label of node \"{node}\" is never closed: expected \"{closer}\" on the same line" | "节点“{node}”的标签没有闭合：同一行上应有“{closer}”",
        /// A quoted label followed by something other than its closing bracket.
        parse_expected_closer: "expected \"{closer}\" to close the label of node \"{node}\", {found}" | "应有“{closer}”来闭合节点“{node}”的标签，{found}",
        /// A quote never closed.
        parse_unclosed_quote: "this quote is never closed: expected \" on the same line" | "这个引号没有闭合：同一行上应有与之配对的 \"",
        /// An edge label never closed.
        parse_unclosed_edge_label: "this edge label is never closed: expected \"{closer}\" on the same line" | "这个连线标签没有闭合：同一行上应有“{closer}”",
        /// A node shape not drawn (`{{text}}` is the shape `{text}`, braces and all).
        parse_unsupported_shape: "the shape \"{opener}\" is not supported yet: use [text], (text), ([text]), ((text)), {{text}}, >text], [[text]], [(text)], {{{{text}}}}, [/text/], [\\text\\], [/text\\] or [\\text/]" | "暂不支持形状“{opener}”：请用 [文字]、(文字)、([文字])、((文字))、{{文字}}、>文字]、[[文字]]、[(文字)]、{{{{文字}}}}、[/文字/]、[\\文字\\]、[/文字\\] 或 [\\文字/]",
        /// An arrow not drawn.
        parse_unsupported_arrow: "the arrow \"{found}\" is not supported yet: use -->, ---, -.->, -.-, ==>, === or ~~~" | "暂不支持箭头“{found}”：请用 -->、---、-.->、-.-、==>、=== 或 ~~~",
        /// An unquoted label holding a bracket (`{bracket}`), which Mermaid refuses too.
        parse_bracket_in_label: "the label of node \"{node}\" holds \"{bracket}\", which Mermaid reads as a shape: put the label in quotes, e.g. {node}[\"a [b]\"]" | "节点“{node}”的标签里有“{bracket}”，Mermaid 会把它当作形状的括号：请给标签加上引号，例如 {node}[\"a [b]\"]",
        /// More characters than the bound (`{limit}`, grouped by thousands).
        parse_too_many_characters: "the diagram is too long: its source may have at most {limit} characters" | "图示太长：源码最多 {limit} 个字符",
        /// More nodes than the bound.
        parse_too_many_nodes: "too many nodes: a diagram may have at most {limit}" | "节点太多：一张图最多 {limit} 个节点",
        /// More edges than the bound.
        parse_too_many_edges: "too many edges: a diagram may have at most {limit}" | "连线太多：一张图最多 {limit} 条连线",
        /// `subgraph` without its `end`.
        parse_unclosed_subgraph: "the subgraph \"{id}\" is never closed: expected \"end\" on a later line" | "子图“{id}”没有结束：后面的行上应有“end”",
        /// `end` with no subgraph open.
        parse_end_without_subgraph: "\"end\" closes a subgraph, but no subgraph is open here" | "“end”用来结束子图，但这里没有未结束的子图",
        /// A node or an edge named like a subgraph.
        parse_edge_to_subgraph: "\"{id}\" is a subgraph: edges join nodes here, so link to a node inside it instead" | "“{id}”是一个子图：这里的连线只能连接节点，请改为连到子图里的某个节点",
        /// `classDef`, `class` or `style` without what it needs (`{usage}`: the form, as code).
        parse_incomplete_styling: "this styling statement is incomplete: write it as {usage}" | "这条样式语句不完整：应写成 {usage}",
        /// A colour that is not one (`{property}`: fill, stroke or color).
        parse_bad_colour: "\"{found}\" is not a colour for {property}: use #rgb, #rrggbb, rgb(r, g, b) or a CSS colour name" | "“{found}”不是 {property} 可用的颜色：请用 #rgb、#rrggbb、rgb(r, g, b) 或 CSS 颜色名",
        /// `graph` or `flowchart` again.
        parse_second_header: "\"{keyword}\" starts a diagram, and this one already started on an earlier line" | "“{keyword}”用于开始一张图，而这张图已在前面的行开始了",
        /// Front matter never closed.
        parse_unclosed_front_matter: "the front matter opened by \"---\" is never closed by another \"---\" line" | "由“---”开始的前置元数据（front matter）没有被另一行“---”闭合",
    }
}
