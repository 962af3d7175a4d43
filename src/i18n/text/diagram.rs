//! The key-factors diagram's panel: its heading, the diagram selector, the editor. The nodes'
//! labels are the Mermaid source's own (the built-in diagrams come in both languages).

catalogue! {
    /// The key-factors diagram's panel.
    Diagram {
        /// The panel's heading.
        title: "Key factors" | "关键因素",
        /// The language chip's name (for screen readers): it shows the other language's diagram.
        switch_lang: "Switch the diagram's language" | "切换图示的语言",
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
        /// The editor's summary.
        edit: "Edit the Mermaid source" | "编辑 Mermaid 源码",
        /// The editor's text area (for screen readers).
        source: "Mermaid source of the diagram" | "图示的 Mermaid 源码",
    }
}
