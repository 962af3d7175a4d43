//! On the page's thread (wasm-bindgen-test, headless Chromium and Firefox): the loss chart
//! draws its curves, every seed diagram is drawn where its nodes are and lights the node asked
//! for, and the app says so in words when its worker cannot start.
#![cfg(target_arch = "wasm32")]

use mlp_lab::app::{draw_history_chart, App, Metric};
use mlp_lab::i18n::{Lang, Text};
use mlp_lab::nn::EpochLogs;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Pixels of `canvas` within a small distance of `rgb`.
fn pixels_near(canvas: &HtmlCanvasElement, rgb: [u8; 3]) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    data.chunks_exact(4).filter(|p| (0..3).map(|i| (p[i] as i32 - rgb[i] as i32).abs()).sum::<i32>() < 60).count()
}

#[wasm_bindgen_test]
fn the_loss_chart_draws_both_curves() {
    let canvas: HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    canvas.unchecked_ref::<HtmlElement>().style().set_css_text("width: 600px; height: 300px; display: block");
    document().body().unwrap().append_child(&canvas).unwrap();
    let history: Vec<EpochLogs> = (1..=5)
        .map(|epoch| EpochLogs {
            epoch,
            steps: 25,
            loss: 0.7 - 0.01 * epoch as f64,
            accuracy: Some(0.5),
            val_loss: Some(0.69 + 0.002 * epoch as f64),
            val_accuracy: Some(0.5),
            learning_rate: 0.001,
            elapsed_ms: 1.0,
        })
        .collect();

    draw_history_chart(&canvas, &[], 10, Metric::Loss, false, false, Text::of(Lang::En)).unwrap();
    assert_eq!(pixels_near(&canvas, [37, 99, 235]), 0, "no epoch yet: no loss curve");
    draw_history_chart(&canvas, &history, 10, Metric::Loss, false, false, Text::of(Lang::Zh)).unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(canvas.width(), (600.0 * dpr).round() as u32, "backing store follows devicePixelRatio");
    assert!(pixels_near(&canvas, [37, 99, 235]) > 200, "the loss curve is drawn");
    assert!(pixels_near(&canvas, [234, 88, 12]) > 200, "the val_loss curve is drawn");
    canvas.remove();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_worker_that_cannot_load_is_reported_in_words() {
    // The test server has no worker_loader.js: the worker fails to load, as it would on a
    // broken deployment. The page must say so, not hang on "Starting the trainer…".
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    let mut banner = None;
    for _ in 0..100 {
        banner = host.query_selector("[data-testid=error]").unwrap();
        if banner.is_some() {
            break;
        }
        sleep(50).await;
    }
    let text = banner.expect("an error banner within 5 s").text_content().unwrap();
    assert!(text.contains("the training worker stopped"), "{text}");
    let root = host.query_selector(".app").unwrap().unwrap();
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("failed"));
    drop(handle);
    host.remove();
}

/// The colour of the canvas pixel at CSS coordinates `(x, y)`.
fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 3] {
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx.get_image_data((x * dpr).floor(), (y * dpr).floor(), 1.0, 1.0).unwrap().data();
    [data[0], data[1], data[2]]
}

#[wasm_bindgen_test]
fn every_seed_diagram_is_drawn_where_its_nodes_are_and_lights_one() {
    use mlp_lab::app::{draw_flowchart, lay_out};
    use mlp_lab::diagram::{parse, seeds};
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.style().set_css_text("width: 320px");
    document().body().unwrap().append_child(&host).unwrap();
    let canvas: HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    host.append_child(&canvas).unwrap();
    let sources = [
        seeds::PIPELINE_ZH,
        seeds::PIPELINE_EN,
        seeds::DECISIONS_ZH,
        seeds::DECISIONS_EN,
        seeds::PROBLEMS_ZH,
        seeds::PROBLEMS_EN,
    ];
    for source in sources {
        let chart = parse(source).unwrap();
        let layout = lay_out(&canvas, &chart);
        for lit in [None, Some(1)] {
            let placed = draw_flowchart(&canvas, &chart, &layout, lit, false);
            assert_eq!(placed.len(), chart.nodes.len());
            for (i, at) in placed.iter().enumerate() {
                // Inside the outline, just below its top, above any label line: the node's fill.
                let (x, y) = (at.left + at.width / 2.0, at.top + 4.0);
                let expected = if lit == Some(i) { [0x25, 0x63, 0xeb] } else { [0xf1, 0xf5, 0xfe] };
                let got = pixel(&canvas, x, y);
                let distance: i32 = (0..3).map(|c| (got[c] as i32 - expected[c]).abs()).sum();
                assert!(
                    distance < 30,
                    "{}: node {i} at ({x:.0}, {y:.0}) is {got:?}, not {expected:?}",
                    chart.nodes[i].label
                );
            }
        }
    }
    host.remove();
}

/// A canvas of `w × h` CSS pixels in the page.
fn canvas_of(w: u32, h: u32) -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    canvas.unchecked_ref::<HtmlElement>().style().set_css_text(&format!("width: {w}px; height: {h}px; display: block"));
    document().body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// Pixels of `canvas` in its left or right half whose red exceeds their blue by 20 (orange tints).
fn orange_pixels(canvas: &HtmlCanvasElement, right_half: bool) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (canvas.width() as f64 / 2.0, canvas.height() as f64);
    let x = if right_half { w } else { 0.0 };
    let data = ctx.get_image_data(x, 0.0, w, h).unwrap().data();
    data.chunks_exact(4).filter(|p| p[0] as i32 > p[2] as i32 + 20).count()
}

#[wasm_bindgen_test]
fn the_decision_boundary_shades_each_side_in_its_class_colour() {
    use mlp_lab::app::draw_boundary;
    use mlp_lab::nn::{boundary_map, Grid};
    let canvas = canvas_of(400, 300);
    let points = [[-1.0, -1.0, 0.0], [1.0, 1.0, 1.0]];
    // A model that says class 1 (surely) right of x₀ = 0, class 0 left of it.
    let grid = Grid::covering(points.iter().map(|p| (p[0], p[1])), 16).unwrap();
    let outputs = grid.inputs().map_axis(ndarray::Axis(1), |row| if row[0] > 0.0 { 0.99 } else { 0.01 });
    let map = boundary_map(&grid, &outputs.insert_axis(ndarray::Axis(1)));

    draw_boundary(&canvas, None, &points, false).unwrap();
    let (left, right) = (orange_pixels(&canvas, false), orange_pixels(&canvas, true));
    assert!(right < 500, "before a map, only the point is orange: {right} pixels");
    draw_boundary(&canvas, Some(&map), &points, false).unwrap();
    let (left_after, right_after) = (orange_pixels(&canvas, false), orange_pixels(&canvas, true));
    assert!(right_after > right + 20_000, "class 1's side is orange: {right} then {right_after} pixels");
    assert!(left_after < left + 2_000, "class 0's side is not: {left} then {left_after} pixels");
    canvas.remove();
}

#[wasm_bindgen_test]
fn the_accuracy_chart_and_the_log_loss_draw_both_curves() {
    let canvas = canvas_of(600, 300);
    let history: Vec<EpochLogs> = (1..=5)
        .map(|epoch| EpochLogs {
            epoch,
            steps: 25,
            loss: 1.0 / epoch as f64,
            accuracy: Some(0.5 + 0.08 * epoch as f64),
            val_loss: Some(1.2 / epoch as f64),
            val_accuracy: Some(0.45 + 0.08 * epoch as f64),
            learning_rate: 0.001,
            elapsed_ms: 1.0,
        })
        .collect();
    for (metric, log) in [(Metric::Accuracy, false), (Metric::Loss, true)] {
        draw_history_chart(&canvas, &history, 10, metric, log, false, Text::of(Lang::En)).unwrap();
        assert!(pixels_near(&canvas, [37, 99, 235]) > 200, "{metric:?}: the training curve is drawn");
        assert!(pixels_near(&canvas, [234, 88, 12]) > 200, "{metric:?}: the validation curve is drawn");
    }
    // Dark: the background follows.
    draw_history_chart(&canvas, &history, 10, Metric::Accuracy, false, true, Text::of(Lang::En)).unwrap();
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    assert_eq!(ctx.get_image_data(1.0, 1.0, 1.0, 1.0).unwrap().data().to_vec(), vec![23, 27, 36, 255]);
    canvas.remove();
}
