//! On the page's thread (wasm-bindgen-test, headless Chromium and Firefox): the loss chart
//! draws its curves, every seed diagram is drawn where its nodes are and lights the node asked
//! for, and the app says so in words when its worker cannot start.
#![cfg(target_arch = "wasm32")]

use mlp_lab::app::{draw_loss_chart, App};
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

    draw_loss_chart(&canvas, &[], 10, false).unwrap();
    assert_eq!(pixels_near(&canvas, [37, 99, 235]), 0, "no epoch yet: no loss curve");
    draw_loss_chart(&canvas, &history, 10, false).unwrap();
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
                let distance: i32 = (0..3).map(|c| (got[c] as i32 - expected[c] as i32).abs()).sum();
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
