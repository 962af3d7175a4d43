//! Integration tests of the diagram module: Mermaid flowchart parsing and layered layout, through
//! the public API only.
//!
//! Layout properties are checked on the seed diagrams and on seeded random charts: boxes never
//! overlap, edges start and end on their nodes' outlines, cross no other node, run with the
//! chart's direction unless reversed to break a cycle, and the same input gives the same layout.

use mlp_lab::diagram::{
    layout, parse, seeds, Colour, CrossingHeuristic, Direction, Directive, EdgeStyle, Flowchart, Layout, LayoutOptions,
    NodeBox, Shape,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A fixed-width font: 7 px per ASCII character, 14 px per other character, 16 px tall.
fn measure(text: &str) -> (f64, f64) {
    (text.chars().map(|c| if c.is_ascii() { 7.0 } else { 14.0 }).sum(), 16.0)
}

fn lay_out(chart: &Flowchart) -> Layout {
    layout(chart, &measure, &LayoutOptions::default())
}

fn labels(chart: &Flowchart) -> Vec<(&str, &str, Shape)> {
    chart.nodes.iter().map(|node| (node.id.as_str(), node.label.as_str(), node.shape)).collect()
}

fn edge_list(chart: &Flowchart) -> Vec<(&str, &str, Option<&str>, EdgeStyle)> {
    chart
        .edges
        .iter()
        .map(|edge| {
            (chart.nodes[edge.from].id.as_str(), chart.nodes[edge.to].id.as_str(), edge.label.as_deref(), edge.style)
        })
        .collect()
}

// ---------------------------------------------------------------- parsing

#[test]
fn every_shape() {
    let chart = parse("graph TD\nA\nB[rect]\nC(round)\nD{decide}\nE([stadium])\nF((circle))\nG>flag]").unwrap();
    assert_eq!(
        labels(&chart),
        [
            ("A", "A", Shape::Rectangle),
            ("B", "rect", Shape::Rectangle),
            ("C", "round", Shape::Rounded),
            ("D", "decide", Shape::Diamond),
            ("E", "stadium", Shape::Stadium),
            ("F", "circle", Shape::Circle),
            ("G", "flag", Shape::Asymmetric),
        ]
    );
}

#[test]
fn every_edge_style_and_both_label_syntaxes() {
    let text = "flowchart LR
        A --> B
        B --- C
        C -.-> D
        D -.- E
        E ==> F
        F === G
        G ~~~ H
        H -->|yes| I
        I -- no --> J
        J -. maybe .-> K
        K == sure ==> L
        L ---|plain| M";
    let chart = parse(text).unwrap();
    assert_eq!(chart.direction, Direction::LeftRight);
    assert_eq!(
        edge_list(&chart),
        [
            ("A", "B", None, EdgeStyle::Arrow),
            ("B", "C", None, EdgeStyle::Open),
            ("C", "D", None, EdgeStyle::Dotted),
            ("D", "E", None, EdgeStyle::DottedOpen),
            ("E", "F", None, EdgeStyle::Thick),
            ("F", "G", None, EdgeStyle::ThickOpen),
            ("G", "H", None, EdgeStyle::Invisible),
            ("H", "I", Some("yes"), EdgeStyle::Arrow),
            ("I", "J", Some("no"), EdgeStyle::Arrow),
            ("J", "K", Some("maybe"), EdgeStyle::Dotted),
            ("K", "L", Some("sure"), EdgeStyle::Thick),
            ("L", "M", Some("plain"), EdgeStyle::Open),
        ]
    );
}

#[test]
fn chains_groups_and_semicolons() {
    let chart = parse("graph TD; A --> B --> C; D & E --> F & G;H-->A").unwrap();
    assert_eq!(
        edge_list(&chart).iter().map(|edge| (edge.0, edge.1)).collect::<Vec<_>>(),
        [("A", "B"), ("B", "C"), ("D", "F"), ("D", "G"), ("E", "F"), ("E", "G"), ("H", "A")]
    );
    let ids: Vec<&str> = chart.nodes.iter().map(|node| node.id.as_str()).collect();
    assert_eq!(ids, ["A", "B", "C", "D", "E", "F", "G", "H"], "order of first appearance");
}

#[test]
fn comments_are_skipped() {
    let text =
        "%% before the header\ngraph TD\n  %% a whole line\n  A --> B %% trailing\n  B --> C;%% after a semicolon";
    let chart = parse(text).unwrap();
    assert_eq!(chart.edges.len(), 2);
    assert_eq!(chart.nodes.len(), 3);
}

#[test]
fn quoted_labels_hold_brackets_and_pipes() {
    let chart = parse("graph TD\n  A[\"text with ] and |\"] -->|\"a | b\"| B(\"(round)\")").unwrap();
    assert_eq!(chart.nodes[0].label, "text with ] and |");
    assert_eq!(chart.nodes[1].label, "(round)");
    assert_eq!(chart.edges[0].label.as_deref(), Some("a | b"));
}

#[test]
fn labels_are_kept_and_the_last_definition_wins() {
    let chart = parse("graph TD\n  A[计算资源] --> B\n  A --> C\n  B[first]\n  B{second} --> C").unwrap();
    assert_eq!(labels(&chart)[0], ("A", "计算资源", Shape::Rectangle));
    assert_eq!(labels(&chart)[1], ("B", "second", Shape::Diamond));
    assert_eq!(labels(&chart)[2], ("C", "C", Shape::Rectangle));
}

#[test]
fn unicode_everywhere() {
    let chart = parse("graph TD\n    计算 --> 数据_集[数据集 ✓] -->|是| 模型((模型))").unwrap();
    assert_eq!(labels(&chart)[1], ("数据_集", "数据集 ✓", Shape::Rectangle));
    assert_eq!(chart.edges[1].label.as_deref(), Some("是"));
    let error = parse("graph TD\n    A[计算资源] --> B[数据集] => C").unwrap_err();
    assert_eq!(error.to_string(), "line 2, column 24: expected an arrow such as --> after node \"B\", found \"=>\"");
}

#[test]
fn styling_colours_the_nodes_and_the_rest_is_recorded() {
    let text = "graph TD\n  A:::hot --> B\n  classDef hot fill:#f96,stroke:#333\n  class B cold\n  classDef cold fill:lightblue\n  style A stroke:rgb(255, 0, 0),color:white\n  linkStyle 0 stroke:#f00\n  click A call back()";
    let chart = parse(text).unwrap();
    let ignored: Vec<(usize, usize, Directive)> =
        chart.ignored.iter().map(|ignored| (ignored.line, ignored.column, ignored.directive)).collect();
    assert_eq!(ignored, [(7, 3, Directive::LinkStyle), (8, 3, Directive::Click)]);
    let colour = |text: &str| Some(text.parse::<Colour>().unwrap());
    let (a, b) = (chart.nodes[0].style, chart.nodes[1].style);
    assert_eq!((a.fill, a.stroke, a.text), (colour("#f96"), colour("red"), colour("#fff")), "style after the class");
    assert_eq!((b.fill, b.stroke), (colour("#add8e6"), None), "a class defined after its use");
    let default = parse("graph TD\n  A --> B\n  classDef default fill:#eee").unwrap();
    assert!(default.nodes.iter().all(|node| node.style.fill == colour("#eeeeee")));
    assert_eq!(chart.edges.len(), 1);
}

#[test]
fn the_shapes_of_data_pipelines() {
    let chart = parse("flowchart LR\n  a[(Data)] --> b[[Clean]] --> c{{Split}} --> d[/Train/] --> e[\\Test\\] --> f[/Up\\] --> g[\\Down/] --> h>Report]").unwrap();
    let shapes: Vec<Shape> = chart.nodes.iter().map(|node| node.shape).collect();
    assert_eq!(
        shapes,
        [
            Shape::Cylinder,
            Shape::Subroutine,
            Shape::Hexagon,
            Shape::LeanRight,
            Shape::LeanLeft,
            Shape::Trapezoid,
            Shape::InvTrapezoid,
            Shape::Asymmetric
        ]
    );
    let labels: Vec<&str> = chart.nodes.iter().map(|node| node.label.as_str()).collect();
    assert_eq!(labels, ["Data", "Clean", "Split", "Train", "Test", "Up", "Down", "Report"]);
    check_layout(&chart, &lay_out(&chart), "every shape");
}

#[test]
fn subgraphs_nest_and_take_their_nodes() {
    let text = "graph TD\n  A --> B\n  subgraph outer [Outer box]\n    B --> C\n    subgraph inner\n      direction LR\n      C --> D\n    end\n  end\n  subgraph Plain title\n    E\n  end\n  D --> E";
    let chart = parse(text).unwrap();
    let summary: Vec<(&str, &str, Option<usize>, Vec<&str>)> = chart
        .subgraphs
        .iter()
        .map(|s| {
            (s.id.as_str(), s.title.as_str(), s.parent, s.nodes.iter().map(|&n| chart.nodes[n].id.as_str()).collect())
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("outer", "Outer box", None, vec!["B"]),
            ("inner", "inner", Some(0), vec!["C", "D"]),
            ("subGraph2", "Plain title", None, vec!["E"]),
        ]
    );
    assert_eq!(chart.subgraphs[1].direction, Some(Direction::LeftRight));
    assert_eq!(chart.owners(), [None, Some(0), Some(1), Some(1), Some(2)]);
}

#[test]
fn windows_line_endings_and_front_matter() {
    let chart = parse("---\r\ntitle: t\r\n---\r\ngraph BT\r\nA-->B\r\n").unwrap();
    assert_eq!(chart.direction, Direction::BottomTop);
    assert_eq!(chart.nodes[1].id, "B");
}

#[test]
fn malformed_inputs_say_where_and_what() {
    let cases = [
        ("", "line 1, column 1: expected a header such as \"graph TD\" or \"flowchart LR\", found the end of the text"),
        ("A --> B", "line 1, column 1: expected a header such as \"graph TD\" or \"flowchart LR\", found \"A\""),
        ("graph XY\nA-->B", "line 1, column 7: unknown direction \"XY\": use TD, TB, BT, LR or RL"),
        (
            "graph TD\n  A-->B\n    subgraph one\n    C",
            "line 3, column 5: the subgraph \"one\" is never closed: expected \"end\" on a later line",
        ),
        ("graph TD\n  end", "line 2, column 3: \"end\" closes a subgraph, but no subgraph is open here"),
        (
            "graph TD\n  A --> S\n  subgraph S\n    B\n  end",
            "line 2, column 9: \"S\" is a subgraph: edges join nodes here, so link to a node inside it instead",
        ),
        (
            "graph TD\nA[Start --> B[End]",
            "line 2, column 14: the label of node \"A\" holds \"[\", which Mermaid reads as a shape: put the label in quotes, e.g. A[\"a [b]\"]",
        ),
        ("graph TD\nA(f(x)) --> B", "line 2, column 4: the label of node \"A\" holds \"(\", which Mermaid reads as a shape: put the label in quotes, e.g. A[\"a [b]\"]"),
        ("graph TD\nA[x]] --> B", "line 2, column 5: expected an arrow such as --> after node \"A\", found \"]\""),
        ("graph TD\nA] --> B", "line 2, column 2: expected an arrow such as --> after node \"A\", found \"]\""),
        ("graph TD\n[A] --> B", "line 2, column 1: expected a node id, found \"[\""),
        ("graph TD\nA([x --> B", "line 2, column 2: the label of node \"A\" is never closed: expected \"])\" on the same line"),
        ("graph TD\nA --> B\nclass A", "line 3, column 1: this styling statement is incomplete: write it as class A,B name"),
        (
            "graph TD\nA --> B\nstyle A fill:#ggg",
            "line 3, column 14: \"#ggg\" is not a colour for fill: use #rgb, #rrggbb, rgb(r, g, b) or a CSS colour name",
        ),
        ("graph TD\n\n\nA --> B => C", "line 4, column 9: expected an arrow such as --> after node \"B\", found \"=>\""),
        ("graph TD\nA --> B C", "line 2, column 9: expected an arrow such as --> after node \"B\", found \"C\""),
        ("graph TD\nA[unclosed --> B", "line 2, column 2: the label of node \"A\" is never closed: expected \"]\" on the same line"),
        ("graph TD\nA -->|yes B", "line 2, column 6: this edge label is never closed: expected \"|\" on the same line"),
        (
            "graph TD\n  A[计算资源] -- 标签 B",
            "line 2, column 13: this edge label is never closed: expected \"-->\" on the same line",
        ),
        ("graph TD\nA --> ", "line 2, column 7: expected a node id after the arrow -->, found the end of the line"),
        ("graph TD\nA & --> B", "line 2, column 5: expected a node id after \"&\", found \"-->\""),
        ("graph TD\n--> B", "line 2, column 1: expected a node id, found \"-->\""),
        (
            "graph TD\nA <--> B",
            "line 2, column 3: the arrow \"<-->\" is not supported yet: use -->, ---, -.->, -.-, ==>, === or ~~~",
        ),
        (
            "graph TD\nA(((double))) --> B",
            "line 2, column 2: the shape \"(((\" is not supported yet: use [text], (text), ([text]), ((text)), {text}, >text], [[text]], [(text)], {{text}}, [/text/], [\\text\\], [/text\\] or [\\text/]",
        ),
        ("graph TD\nA[\"quoted] --> B", "line 2, column 3: this quote is never closed: expected \" on the same line"),
        ("graph TD\nA[\"q\" x] --> B", "line 2, column 7: expected \"]\" to close the label of node \"A\", found \"x\""),
        ("graph TD A-->B", "line 1, column 10: expected \";\" or the end of the line after the header, found \"A\""),
        (
            "graph TD\nA --> B\ngraph LR",
            "line 3, column 1: \"graph\" starts a diagram, and this one already started on an earlier line",
        ),
        ("---\ntitle: x\ngraph TD", "line 1, column 1: the front matter opened by \"---\" is never closed by another \"---\" line"),
    ];
    for (text, message) in cases {
        let error = parse(text).expect_err(text);
        assert_eq!(error.to_string(), message, "for {text:?}");
        assert!(message.starts_with(&format!("line {}, column {}:", error.line(), error.column())));
    }
}

/// Mermaid-ish pieces glued at random, and valid charts with a few random edits; none of the
/// results may panic the parser or the layout.
#[test]
fn random_text_never_panics() {
    const PIECES: [&str; 48] = [
        "graph",
        "flowchart",
        " TD",
        " LR",
        " RL",
        " BT",
        "A",
        "B",
        "c_1",
        "数据",
        "-->",
        "---",
        "-.->",
        "-.-",
        "==>",
        "===",
        "~~~",
        "--",
        "-.",
        "==",
        ".-",
        "|",
        "[",
        "]",
        "(",
        ")",
        "{",
        "}",
        ">",
        "<",
        "\"",
        "&",
        ";",
        "%%",
        "\n",
        " ",
        ":::",
        "o",
        "x",
        "subgraph",
        "end",
        "classDef",
        "=",
        "\r\n",
        "\t",
        "é",
        "---\n",
        "\u{0}",
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    let (mut parsed, mut failed) = (0, 0);
    for round in 0..4000 {
        let mut text: Vec<char> = if round % 2 == 0 {
            let chart = random_chart(&mut rng, ["TD", "LR"][round % 4 / 2], round % 3 == 0);
            chart.chars().collect()
        } else {
            "graph TD\n".chars().take(if round % 4 == 1 { 9 } else { 0 }).collect()
        };
        let edits = if round % 2 == 0 { rng.random_range(0..4) } else { rng.random_range(0..40) };
        for _ in 0..edits {
            let at = rng.random_range(0..=text.len());
            let piece: Vec<char> = match rng.random_range(0..10) {
                0 => vec![char::from_u32(rng.random_range(0..0x3_0000)).unwrap_or('?')],
                1 => String::from_utf8_lossy(&[rng.random(), rng.random()]).chars().collect(),
                2 if at < text.len() => {
                    text.remove(at);
                    continue;
                }
                _ => PIECES[rng.random_range(0..PIECES.len())].chars().collect(),
            };
            text.splice(at..at, piece);
        }
        let text: String = text.into_iter().collect();
        match parse(&text) {
            Ok(chart) => {
                parsed += 1;
                let laid_out = lay_out(&chart);
                assert!(laid_out.width.is_finite() && laid_out.height.is_finite(), "{text:?}");
                assert!(laid_out.nodes.iter().all(|node| node.x.is_finite() && node.y.is_finite()), "{text:?}");
            }
            Err(error) => {
                failed += 1;
                assert!(error.line() >= 1 && error.column() >= 1, "{text:?}");
                assert!(error.line() <= text.lines().count().max(1), "{text:?}: {error}");
            }
        }
    }
    assert!(parsed > 500 && failed > 1000, "both outcomes should be common: {parsed} parsed, {failed} failed");
}

// ---------------------------------------------------------------- layout checks

/// Whether the segment a–b meets the box (left, top, right, bottom) (Liang–Barsky).
fn segment_hits(a: (f64, f64), b: (f64, f64), (left, top, right, bottom): (f64, f64, f64, f64)) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
    for (p, q) in [(-dx, a.0 - left), (dx, right - a.0), (-dy, a.1 - top), (dy, bottom - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            enter = enter.max(q / p);
        } else {
            leave = leave.min(q / p);
        }
    }
    enter <= leave
}

/// Whether `point` lies on the node's outline within half a pixel, along the ray from its centre.
fn on_border(node: &NodeBox, point: (f64, f64)) -> bool {
    let (dx, dy) = (point.0 - node.x, point.1 - node.y);
    let length = dx.hypot(dy);
    if length < 1e-9 {
        return false;
    }
    let (ux, uy) = (dx / length * 0.5, dy / length * 0.5);
    node.contains(point.0 - ux, point.1 - uy) && !node.contains(point.0 + ux, point.1 + uy)
}

fn boxes_apart(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64), gap: f64) -> bool {
    a.2 + gap <= b.0 || b.2 + gap <= a.0 || a.3 + gap <= b.1 || b.3 + gap <= a.1
}

/// Checks every layout property; `context` names the chart in failure messages.
fn check_layout(chart: &Flowchart, laid_out: &Layout, context: &str) {
    let options = LayoutOptions::default();
    assert_eq!(laid_out.nodes.len(), chart.nodes.len(), "{context}");
    assert_eq!(laid_out.edges.len(), chart.edges.len(), "{context}");
    for node in &laid_out.nodes {
        let (left, top, right, bottom) = node.bounds();
        let inside = left >= options.margin - 1e-6
            && top >= options.margin - 1e-6
            && right <= laid_out.width - options.margin + 1e-6
            && bottom <= laid_out.height - options.margin + 1e-6;
        assert!(inside, "{context}: {node:?} outside {}x{}", laid_out.width, laid_out.height);
    }
    for (i, a) in laid_out.nodes.iter().enumerate() {
        for b in &laid_out.nodes[i + 1..] {
            assert!(boxes_apart(a.bounds(), b.bounds(), 1.0), "{context}: {a:?} overlaps {b:?}");
        }
    }
    for (index, (edge, path)) in chart.edges.iter().zip(&laid_out.edges).enumerate() {
        let what = format!("{context}, edge {index} {path:?}");
        assert_eq!((path.from, path.to, path.style), (edge.from, edge.to, edge.style), "{what}");
        assert!(path.points.len() >= 2, "{what}");
        let (source, target) = (&laid_out.nodes[edge.from], &laid_out.nodes[edge.to]);
        assert!(on_border(source, path.points[0]), "{what}: first point off the source's outline");
        assert!(on_border(target, *path.points.last().unwrap()), "{what}: last point off the target's outline");
        for point in &path.points {
            assert!(
                point.0 >= 0.0 && point.0 <= laid_out.width && point.1 >= 0.0 && point.1 <= laid_out.height,
                "{what}"
            );
        }
        for (other, node) in laid_out.nodes.iter().enumerate() {
            if other == edge.from || other == edge.to {
                continue;
            }
            let (left, top, right, bottom) = node.bounds();
            let inner = (left + 0.5, top + 0.5, right - 0.5, bottom - 0.5);
            for pair in path.points.windows(2) {
                assert!(!segment_hits(pair[0], pair[1], inner), "{what}: crosses node {other} {node:?}");
            }
        }
        assert_eq!(path.label, edge.label, "{what}");
        assert_eq!(path.label_pos.is_some(), edge.label.is_some(), "{what}");
        if let (Some(label), Some((x, y))) = (&edge.label, path.label_pos) {
            let (width, height) = measure(label);
            let (half_w, half_h) = (width / 2.0 + options.label_padding, height / 2.0 + options.label_padding);
            let label_box = (x - half_w, y - half_h, x + half_w, y + half_h);
            for node in &laid_out.nodes {
                assert!(boxes_apart(label_box, node.bounds(), 0.0), "{what}: label over {node:?}");
            }
        }
        if edge.from != edge.to {
            check_direction(chart.direction, source, target, path.reversed, &path.points, &what);
        } else {
            assert!(!path.reversed, "{what}");
        }
    }
}

/// Edges run from a lower layer to a higher one, and every step moves along the direction
/// (against it when reversed).
fn check_direction(
    direction: Direction,
    source: &NodeBox,
    target: &NodeBox,
    reversed: bool,
    points: &[(f64, f64)],
    what: &str,
) {
    let advance = |a: (f64, f64), b: (f64, f64)| match direction {
        Direction::TopBottom => b.1 - a.1,
        Direction::BottomTop => a.1 - b.1,
        Direction::LeftRight => b.0 - a.0,
        Direction::RightLeft => a.0 - b.0,
    };
    let sign = if reversed { -1.0 } else { 1.0 };
    if reversed {
        assert!(source.layer > target.layer, "{what}: reversed edge should climb layers");
    } else {
        assert!(source.layer < target.layer, "{what}: edge should descend layers");
    }
    for pair in points.windows(2) {
        assert!(sign * advance(pair[0], pair[1]) >= -1e-9, "{what}: a step runs backwards");
    }
    assert!(sign * advance(points[0], points[points.len() - 1]) > 0.0, "{what}: the edge does not advance");
}

/// A random chart: 5 to 25 nodes of random shapes and labels, edges only from lower to higher
/// index (so acyclic) unless `cycles`, some labelled, in the given direction.
fn random_chart(rng: &mut ChaCha8Rng, direction: &str, cycles: bool) -> String {
    const WORDS: [&str; 8] = ["数据", "model", "训练效率低", "x", "a longer label", "评估", "go", "计算资源不足"];
    const ARROWS: [&str; 5] = ["-->", "-.->", "==>", "---", "-->"];
    let node_count = rng.random_range(5..=25);
    let mut text = format!("graph {direction}\n");
    for node in 0..node_count {
        let word = WORDS[rng.random_range(0..WORDS.len())];
        let definition = match rng.random_range(0..7) {
            0 => format!("N{node}[{word}]"),
            1 => format!("N{node}({word})"),
            2 => format!("N{node}{{{word}}}"),
            3 => format!("N{node}([{word}])"),
            4 => format!("N{node}(({word}))"),
            5 => format!("N{node}>{word}]"),
            _ => format!("N{node}"),
        };
        text.push_str(&format!("    {definition}\n"));
    }
    for _ in 0..rng.random_range(node_count - 1..=node_count * 2) {
        let (from, to) = if cycles {
            (rng.random_range(0..node_count), rng.random_range(0..node_count))
        } else {
            let from = rng.random_range(0..node_count - 1);
            (from, rng.random_range(from + 1..node_count))
        };
        let arrow = ARROWS[rng.random_range(0..ARROWS.len())];
        let label = if rng.random_range(0..5) == 0 {
            format!("|{}|", WORDS[rng.random_range(0..WORDS.len())])
        } else {
            String::new()
        };
        text.push_str(&format!("    N{from} {arrow}{label} N{to}\n"));
    }
    text
}

// ---------------------------------------------------------------- layout

#[test]
fn seed_diagrams_lay_out_cleanly() {
    for seed in seeds::SEEDS {
        let chart = parse(seed.source).unwrap();
        let laid_out = lay_out(&chart);
        check_layout(&chart, &laid_out, seed.name);
        assert_eq!(laid_out.crossings, 0, "{}: the seeds are trees", seed.name);
        assert!(laid_out.edges.iter().all(|edge| !edge.reversed && edge.points.len() == 2), "{}", seed.name);
        for direction in ["BT", "LR", "RL"] {
            let turned = parse(&seed.source.replacen("graph TD", &format!("graph {direction}"), 1)).unwrap();
            check_layout(&turned, &lay_out(&turned), &format!("{} {direction}", seed.name));
        }
    }
}

#[test]
fn the_pipeline_seed_is_one_straight_column() {
    for source in [seeds::PIPELINE_ZH, seeds::PIPELINE_EN] {
        let laid_out = lay_out(&parse(source).unwrap());
        let layers: Vec<usize> = laid_out.nodes.iter().map(|node| node.layer).collect();
        assert_eq!(layers, [0, 1, 2, 3, 4, 5, 6]);
        assert!(laid_out.nodes.iter().all(|node| (node.x - laid_out.nodes[0].x).abs() < 1e-6), "{laid_out:?}");
    }
    let sideways = lay_out(&parse(&seeds::PIPELINE_EN.replacen("TD", "LR", 1)).unwrap());
    assert!(sideways.nodes.iter().all(|node| (node.y - sideways.nodes[0].y).abs() < 1e-6));
    assert!(sideways.nodes.windows(2).all(|pair| pair[0].x < pair[1].x));
}

#[test]
fn the_problems_seed_puts_each_consequence_beside_the_next_cause() {
    let chart = parse(seeds::PROBLEMS_EN).unwrap();
    let laid_out = lay_out(&chart);
    let layer = |id: &str| laid_out.nodes[chart.node_index(id).unwrap()].layer;
    assert_eq!([layer("A"), layer("B"), layer("F"), layer("E"), layer("I")], [0, 1, 1, 4, 4]);
}

/// The Problems seed is a chain A → B → C → D → E with a leaf off every step. With the fixed-width
/// measure it used to come out as a staircase 850 px wide in English and 676 px in Chinese (each
/// parent halfway between its two children); now the chain is one straight column with the
/// leaves beside it, two nodes wide: 720 px (widest nodes 390 and 274.5) and 394.5 px (169.5 and
/// 169.5), within the two widest nodes plus one node spacing and the margins.
#[test]
fn the_problems_seed_is_a_straight_spine_with_the_leaves_beside_it() {
    let options = LayoutOptions::default();
    for source in [seeds::PROBLEMS_EN, seeds::PROBLEMS_ZH] {
        let chart = parse(source).unwrap();
        let laid_out = lay_out(&chart);
        let node = |id: &str| &laid_out.nodes[chart.node_index(id).unwrap()];
        let spine = node("A").x;
        for id in ["B", "C", "D", "E"] {
            assert!((node(id).x - spine).abs() <= 1.0, "{id} off the spine: {laid_out:?}");
        }
        for (leaf, cause) in [("F", "B"), ("G", "C"), ("H", "D"), ("I", "E")] {
            assert_eq!(node(leaf).layer, node(cause).layer);
            assert!(node(leaf).x > spine, "{leaf} beside {cause}, on the right: {laid_out:?}");
        }
        let mut widths: Vec<f64> = laid_out.nodes.iter().map(|node| node.width).collect();
        widths.sort_by(|a, b| b.total_cmp(a));
        let two_nodes = widths[0] + widths[1] + options.node_spacing + 2.0 * options.margin;
        assert!(laid_out.width <= two_nodes + 1.0, "{} > {two_nodes}", laid_out.width);
        assert!(laid_out.width <= 2.2 * (widths[0] + options.node_spacing), "{}", laid_out.width);
        let sideways = lay_out(&parse(&source.replacen("TD", "LR", 1)).unwrap());
        let spine = sideways.nodes[0].y;
        assert!(sideways.nodes[..5].iter().all(|node| (node.y - spine).abs() <= 1.0), "{sideways:?}");
    }
}

#[test]
fn random_dags_lay_out_cleanly_and_reduce_crossings() {
    let mut rng = ChaCha8Rng::seed_from_u64(42);
    let directions = ["TD", "TD", "LR", "BT", "RL"];
    let mut improved = 0;
    for round in 0..200 {
        let direction = directions[round % directions.len()];
        let text = random_chart(&mut rng, direction, false);
        let chart = parse(&text).unwrap_or_else(|error| panic!("{error}\n{text}"));
        let laid_out = lay_out(&chart);
        check_layout(&chart, &laid_out, &text);
        assert!(laid_out.edges.iter().all(|edge| !edge.reversed), "{text}");
        let input_order = layout(&chart, &measure, &LayoutOptions { crossing_sweeps: 0, ..LayoutOptions::default() });
        assert!(laid_out.crossings <= input_order.crossings, "{text}");
        improved += usize::from(laid_out.crossings < input_order.crossings);
        let median = layout(
            &chart,
            &measure,
            &LayoutOptions { heuristic: CrossingHeuristic::Median, ..LayoutOptions::default() },
        );
        assert!(median.crossings <= input_order.crossings, "{text}");
        check_layout(&chart, &median, &text);
        assert_eq!(lay_out(&chart), laid_out, "deterministic: {text}");
    }
    assert!(improved > 50, "crossing reduction should often help, helped {improved} times");
}

#[test]
fn random_charts_with_cycles_lay_out_cleanly() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for round in 0..100 {
        let direction = ["TD", "LR"][round % 2];
        let text = random_chart(&mut rng, direction, true);
        let chart = parse(&text).unwrap();
        check_layout(&chart, &lay_out(&chart), &text);
    }
}

#[test]
fn two_cycles_and_self_loops_are_marked_and_drawn() {
    let chart = parse("graph TD\n  A --> B\n  B --> A\n  A --> A\n  B -->|again| B").unwrap();
    let laid_out = lay_out(&chart);
    check_layout(&chart, &laid_out, "cycles");
    let reversed: Vec<bool> = laid_out.edges.iter().map(|edge| edge.reversed).collect();
    assert_eq!(reversed, [false, true, false, false]);
    assert!(laid_out.nodes[0].layer < laid_out.nodes[1].layer);
    let back = &laid_out.edges[1];
    assert!(back.points.first().unwrap().1 > back.points.last().unwrap().1, "B → A points up");
    assert_ne!(laid_out.edges[0].points, laid_out.edges[1].points.iter().rev().copied().collect::<Vec<_>>());
    assert_eq!(laid_out.edges[2].points.len(), 4);
    let (x, _) = laid_out.edges[3].label_pos.unwrap();
    assert!(x > laid_out.nodes[1].x + laid_out.nodes[1].width / 2.0, "the loop's label is beside it");

    let triangle = parse("graph LR\nA --> B --> C --> A").unwrap();
    let laid_out = lay_out(&triangle);
    check_layout(&triangle, &laid_out, "triangle");
    assert_eq!(laid_out.edges.iter().filter(|edge| edge.reversed).count(), 1);
}

#[test]
fn horizontal_edges_point_right_and_left() {
    let chart = parse("graph LR\n  A[计算资源] --> B{数据集质量} -->|是| C((算法)) --> D>团队]\n  A --> D").unwrap();
    let laid_out = lay_out(&chart);
    check_layout(&chart, &laid_out, "LR");
    for edge in &laid_out.edges {
        assert!(edge.points.windows(2).all(|pair| pair[1].0 >= pair[0].0 - 1e-9), "{edge:?}");
    }
    let mirrored = parse("graph RL\n  A[计算资源] --> B{数据集质量} -->|是| C((算法)) --> D>团队]\n  A --> D").unwrap();
    let mirrored_layout = lay_out(&mirrored);
    assert_eq!(mirrored_layout.width, laid_out.width);
    for (left, right) in laid_out.nodes.iter().zip(&mirrored_layout.nodes) {
        assert!((left.x + right.x - laid_out.width).abs() < 1e-6 && (left.y - right.y).abs() < 1e-9);
    }
}

#[test]
fn labelled_edges_make_room_for_their_labels() {
    let chart = parse("graph TD\n  A{Ready?} -->|yes, go ahead| B[Go]\n  A -- no --> C[Wait]").unwrap();
    let laid_out = lay_out(&chart);
    check_layout(&chart, &laid_out, "labels");
    let (a, b) = (&laid_out.nodes[0], &laid_out.nodes[1]);
    let (_, label_y) = laid_out.edges[0].label_pos.unwrap();
    assert!(a.y + a.height / 2.0 < label_y - 8.0 && label_y + 8.0 < b.y - b.height / 2.0, "between the layers");
}

#[test]
fn repeated_edges_take_separate_routes() {
    let chart = parse("graph TD\n  A --> B\n  A --> B\n  B --> A").unwrap();
    let laid_out = lay_out(&chart);
    check_layout(&chart, &laid_out, "repeated");
    let middles: Vec<(f64, f64)> = laid_out.edges.iter().map(|edge| edge.points[edge.points.len() / 2]).collect();
    assert!(middles[0] != middles[1] && middles[1] != middles[2] && middles[0] != middles[2], "{middles:?}");
}

// ---------------------------------------------------------------- subgraphs

/// The data pipeline of the end-to-end comparison with mermaid: subgraphs (one nested), colours,
/// and every shape.
const PIPELINE_SHAPES: &str = "flowchart TD
    raw[(Raw data)] --> clean
    subgraph prep [Preparation]
        clean[[Clean]] --> split{{Split}}
    end
    split --> train[/Train/]
    split --> test[\\Test\\]
    subgraph model [Model]
        train --> fit[/Fit\\]
        subgraph scoring [Scoring]
            evaluate[\\Evaluate/]
        end
        test --> fit
        fit --> evaluate
    end
    evaluate --> report>Report]";

fn contains(outer: (f64, f64, f64, f64), inner: (f64, f64, f64, f64)) -> bool {
    outer.0 <= inner.0 + 1e-6 && outer.1 <= inner.1 + 1e-6 && outer.2 >= inner.2 - 1e-6 && outer.3 >= inner.3 - 1e-6
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 - 1e-6 && b.0 < a.2 - 1e-6 && a.1 < b.3 - 1e-6 && b.1 < a.3 - 1e-6
}

/// Whether segment `a`–`b` passes through the inside of `rect` (sampled finely enough for
/// the titles' few-pixel margins).
fn segment_meets(a: (f64, f64), b: (f64, f64), rect: (f64, f64, f64, f64)) -> bool {
    (0..=200).any(|k| {
        let t = k as f64 / 200.0;
        let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        x > rect.0 + 1e-6 && x < rect.2 - 1e-6 && y > rect.1 + 1e-6 && y < rect.3 - 1e-6
    })
}

/// Every node inside its subgraphs' boxes and outside the others, boxes nested as the chart
/// nests them and otherwise apart, nodes apart, everything on the drawing.
fn check_subgraphs(chart: &Flowchart, laid_out: &Layout, context: &str) {
    check_boxes(chart, laid_out, context);
    check_titles(laid_out, context, false);
}

/// Every titled box's title within it and, with `clear`, no edge through it (a band crowded by
/// edges keeps its title centred, drawn on a backing above them).
fn check_titles(laid_out: &Layout, context: &str, clear: bool) {
    for (s, placed) in laid_out.subgraphs.iter().enumerate().filter(|(_, b)| b.title_width > 0.0) {
        let half = placed.title_width / 2.0;
        let title = (placed.title_x - half, placed.top, placed.title_x + half, placed.top + placed.title_height);
        assert!(title.0 >= placed.left - 1e-6 && title.2 <= placed.left + placed.width + 1e-6, "{context}: title {s}");
        if clear {
            for path in &laid_out.edges {
                for pair in path.points.windows(2) {
                    assert!(!segment_meets(pair[0], pair[1], title), "{context}: an edge runs through title {s}");
                }
            }
        }
    }
}

/// The boxes and nodes of [`check_subgraphs`].
fn check_boxes(chart: &Flowchart, laid_out: &Layout, context: &str) {
    let owners = chart.owners();
    let under = |node: usize, subgraph: usize| {
        let mut at = owners[node];
        while let Some(s) = at {
            if s == subgraph {
                return true;
            }
            at = chart.subgraphs[s].parent;
        }
        false
    };
    let rect = |b: &mlp_lab::diagram::SubgraphBox| (b.left, b.top, b.left + b.width, b.top + b.height);
    assert_eq!(laid_out.subgraphs.len(), chart.subgraphs.len(), "{context}");
    for (s, placed) in laid_out.subgraphs.iter().enumerate() {
        let outer = rect(placed);
        assert!(
            outer.0 >= 0.0 && outer.1 >= 0.0 && outer.2 <= laid_out.width && outer.3 <= laid_out.height,
            "{context}: box {s}"
        );
        for (n, node) in laid_out.nodes.iter().enumerate() {
            if under(n, s) {
                assert!(
                    contains(outer, node.bounds()),
                    "{context}: {} outside {}",
                    chart.nodes[n].id,
                    chart.subgraphs[s].id
                );
                assert!(
                    node.bounds().1 >= outer.1 + placed.title_height - 1e-6,
                    "{context}: {} on the title",
                    chart.nodes[n].id
                );
            } else {
                assert!(
                    !overlap(outer, node.bounds()),
                    "{context}: {} inside {}",
                    chart.nodes[n].id,
                    chart.subgraphs[s].id
                );
            }
        }
        for (t, other) in laid_out.subgraphs.iter().enumerate().filter(|&(t, _)| t != s) {
            let nested = {
                let mut at = chart.subgraphs[t].parent;
                let mut found = false;
                while let Some(p) = at {
                    found |= p == s;
                    at = chart.subgraphs[p].parent;
                }
                found
            };
            let is_parent_of_s = {
                let mut at = chart.subgraphs[s].parent;
                let mut found = false;
                while let Some(p) = at {
                    found |= p == t;
                    at = chart.subgraphs[p].parent;
                }
                found
            };
            if nested {
                assert!(contains(outer, rect(other)), "{context}: box {t} not inside {s}");
            } else if !is_parent_of_s {
                assert!(!overlap(outer, rect(other)), "{context}: boxes {s} and {t} overlap");
            }
        }
    }
    for (a, first) in laid_out.nodes.iter().enumerate() {
        for second in &laid_out.nodes[a + 1..] {
            assert!(!overlap(first.bounds(), second.bounds()), "{context}: nodes overlap");
        }
    }
    for (edge, path) in chart.edges.iter().zip(&laid_out.edges) {
        assert!(path.points.len() >= 2, "{context}: edge {edge:?} has no path");
        let (first, last) = (path.points[0], path.points[path.points.len() - 1]);
        assert!(on_border(&laid_out.nodes[edge.from], first), "{context}: {edge:?} starts off its node");
        assert!(on_border(&laid_out.nodes[edge.to], last), "{context}: {edge:?} ends off its node");
    }
}

#[test]
fn subgraphs_are_boxes_around_their_nodes_nested_and_apart() {
    let chart = parse(PIPELINE_SHAPES).unwrap();
    let laid_out = lay_out(&chart);
    check_subgraphs(&chart, &laid_out, "the pipeline");
    // No edge runs through a title: the one into the box comes down its centre, the title
    // beside it (as in the e2e comparison with mermaid, where it ran through "Model").
    check_titles(&laid_out, "the pipeline", true);
    // The reader's layers, top to bottom, as mermaid draws them.
    let layer = |id: &str| laid_out.nodes[chart.node_index(id).unwrap()].layer;
    let order = ["raw", "clean", "split", "train", "fit", "evaluate", "report"];
    assert!(order.windows(2).all(|pair| layer(pair[0]) < layer(pair[1])), "{:?}", order.map(layer));
    assert_eq!(layer("train"), layer("test"));
    for direction in ["LR", "BT", "RL"] {
        let turned = parse(&PIPELINE_SHAPES.replacen("TD", direction, 1)).unwrap();
        let turned_out = lay_out(&turned);
        check_subgraphs(&turned, &turned_out, direction);
        check_titles(&turned_out, direction, direction != "BT");
    }
}

#[test]
fn a_subgraph_keeps_its_own_direction_when_no_edge_crosses_it() {
    let text = "graph TD\n  subgraph row [Row]\n    direction LR\n    a --> b --> c\n  end\n  x --> y";
    let chart = parse(text).unwrap();
    let laid_out = lay_out(&chart);
    check_subgraphs(&chart, &laid_out, "row");
    let [a, b, c] = [0, 1, 2].map(|n| &laid_out.nodes[n]);
    assert!(a.x < b.x && b.x < c.x && (a.y - c.y).abs() < 1e-6, "left to right inside: {a:?} {c:?}");
    let crossed = parse(&format!("{text}\n  y --> a")).unwrap();
    let laid_out = lay_out(&crossed);
    let [a, c] = [0, 2].map(|n| &laid_out.nodes[n]);
    assert!(a.y < c.y, "an edge crosses the box: the chart's direction");
}

#[test]
fn random_charts_in_random_subgraphs_lay_out_cleanly() {
    let mut rng = ChaCha8Rng::seed_from_u64(21);
    for round in 0..60 {
        let node_count = rng.random_range(3..16);
        let mut text = String::from("graph TD\n");
        let mut open = 0;
        let mut placed = 0;
        while placed < node_count {
            match rng.random_range(0..6) {
                0 => {
                    text.push_str(&format!("subgraph s{round}_{placed}_{open} [Box {open}]\n"));
                    open += 1;
                }
                1 if open > 0 => {
                    text.push_str("end\n");
                    open -= 1;
                }
                _ => {
                    text.push_str(&format!("n{placed}[node {placed}]\n"));
                    placed += 1;
                }
            }
        }
        text.push_str(&"end\n".repeat(open));
        for _ in 0..rng.random_range(0..node_count * 2) {
            let (a, b) = (rng.random_range(0..node_count), rng.random_range(0..node_count));
            text.push_str(&format!("n{a} --> n{b}\n"));
        }
        let chart = parse(&text).unwrap_or_else(|e| panic!("{text}\n{e}"));
        check_subgraphs(&chart, &lay_out(&chart), &text);
    }
}
