//! The model panel: the seed's model as Keras code, and its `summary()`.

use leptos::prelude::*;

use crate::nn::Sequential;
use crate::protocol::TrainSpec;

/// The Keras code of the model, and its summary once the input size is known.
#[component]
pub fn ModelPanel(features: Signal<Option<usize>>, spec: Signal<TrainSpec>) -> impl IntoView {
    let code = move || {
        let d = features.get().map_or("d".to_string(), |d| d.to_string());
        let spec = spec.get();
        let out = &spec.layers[1];
        format!(
            "model = Sequential([\n    Dense(64, activation='relu', input_dim={d}),\n    Dense({}, activation='{}'),\n])\n\
             model.compile(optimizer=Adam(learning_rate=0.001),\n              loss='{}', metrics=['accuracy'])\n\
             model.fit(X_train, y_train, epochs={}, batch_size={},\n          validation_data=(X_test, y_test))",
            out.units,
            out.activation.keras_name(),
            spec.loss.keras_name(),
            spec.epochs,
            spec.batch_size
        )
    };
    let summary = move || {
        let spec = spec.get();
        features.get().map(|d| match Sequential::new(d, &spec.layers, spec.seed) {
            Ok(model) => model.summary(),
            Err(e) => e.to_string(),
        })
    };
    view! {
        <section class="card" id="panel-model" aria-labelledby="model-title">
            <h2 id="model-title"><span class="step">"2"</span>"Model"</h2>
            <p class="hint">
                "The seed's network: one hidden layer of 64 ReLU units, a sigmoid output (a softmax for more than two "
                "classes), Adam with Keras' defaults; 80% of the rows train it, 20% test it."
            </p>
            <pre class="code" aria-label="Keras code of this model"><code>{code}</code></pre>
            {move || summary().map(|s| view! { <pre class="code summary-text" data-testid="model-summary">{s}</pre> })}
        </section>
    }
}
