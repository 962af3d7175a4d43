//! Tests of the Keras program: the seed's lines, every option, a file's steps; each program
//! parsed by Python's own `ast.parse` when `python3` is installed.

use super::*;
use crate::data::Report;

/// Parses `code` with Python's own parser (`ast.parse`), when `python3` is installed.
fn assert_python(code: &str) {
    let out = std::process::Command::new("python3")
        .args(["-c", "import ast, sys; ast.parse(sys.stdin.read())"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("piped").write_all(code.as_bytes())?;
            child.wait_with_output()
        });
    match out {
        Ok(out) => assert!(out.status.success(), "not Python:\n{code}\n{}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => eprintln!("python3 is not available ({e}): the code's syntax is not checked"),
    }
}

fn setup(hash: &str) -> Setup {
    let (setup, errors) = Setup::from_hash(hash);
    assert_eq!(errors, [], "{hash}");
    setup
}

#[test]
fn the_seed_example_is_the_seed_documents_program() {
    let code = keras_code(&Setup::default(), None);
    assert_python(&code);
    for line in [
        "X = rng.random((1000, 10))",
        "y = rng.integers(0, 2, 1000)",
        "    X, y, test_size=0.2, random_state=42)",
        "    keras.Input(shape=(X.shape[1],)),",
        "    layers.Dense(64, activation='relu'),",
        "    layers.Dense(1, activation='sigmoid'),",
        "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001),",
        "              loss='binary_crossentropy', metrics=['accuracy'])",
        "history = model.fit(X_train, y_train, epochs=10,",
        "                    validation_data=(X_test, y_test))",
        "print(f'Test loss: {loss:.4f}, Test accuracy: {accuracy:.4f}')",
    ] {
        assert!(code.lines().any(|l| l == line), "no line {line:?} in\n{code}");
    }
    assert!(!code.contains("StandardScaler"), "generated data is not scaled in the lab");
}

#[test]
fn every_option_appears_and_stays_python() {
    let hashes = [
        "data=blobs&classes=4&label_noise=0.1&layers=32:tanh:he_normal,4:softmax&loss=categorical_crossentropy\
         &optimizer=sgd&lr=0.1&momentum=0.9&nesterov=1&schedule=exponential_decay&decay_steps=10&decay_rate=0.5&staircase=1",
        "data=spirals&noise=0.1&optimizer=rmsprop&rho=0.8&schedule=piecewise_constant_decay&boundaries=10,20&values=0.1,0.01,0.001\
         &validation=0.1&early_stopping=val_accuracy&patience=3&min_delta=0.01&restore_best_weights=1",
        "data=moons&schedule=cosine_decay&decay_steps=100&alpha=0.1&validation=none&amsgrad=1&beta_1=0.8",
        "data=xor", "data=circles", "data=linear&features=3&label_noise=0.2",
        "data=iris&test_size=0.3&seed=7", "data=csv&layers=8:relu,1:linear&loss=mse",
    ];
    for hash in hashes {
        assert_python(&keras_code(&setup(hash), None));
    }
    let blobs = keras_code(&setup(hashes[0]), None);
    for part in [
        "make_blobs(n_samples=1000, n_features=10, centers=4, cluster_std=1,",
        "layers.Dense(32, activation='tanh', kernel_initializer='he_normal')",
        "keras.utils.to_categorical(y_train, 4)",
        "ExponentialDecay(\n    initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, staircase=True)",
        "keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9, nesterov=True)",
        "round(0.1 * len(y))",
    ] {
        assert!(blobs.contains(part), "no {part:?} in\n{blobs}");
    }
    let spirals = keras_code(&setup(hashes[1]), None);
    assert!(spirals.contains("validation_split=0.1"));
    assert!(spirals.contains("PiecewiseConstantDecay(\n    boundaries=[10, 20], values=[0.1, 0.01, 0.001])"));
    assert!(spirals.contains(
        "EarlyStopping(\n              monitor='val_accuracy', patience=3, min_delta=0.01, restore_best_weights=True)"
    ));
    assert!(spirals.contains("keras.optimizers.RMSprop(learning_rate=learning_rate, rho=0.8)"));
    let moons = keras_code(&setup(hashes[2]), None);
    assert!(moons.contains("Adam(learning_rate=learning_rate, beta_1=0.8, amsgrad=True)"));
    assert!(moons.contains("history = model.fit(X_train, y_train, epochs=10,\n                    batch_size=32)\n"));
    let regression = keras_code(&setup(hashes[7]), None);
    assert!(regression.contains("loss='mean_squared_error')") && !regression.contains("metrics"));
}

#[test]
fn a_file_is_read_cleaned_split_and_scaled_as_the_lab_did() {
    let report = Report {
        label: "it's".into(),
        task: Task::MultiClass,
        loss: Loss::SparseCategoricalCrossentropy,
        units: 3,
        classes: vec!["a".into(), "b".into(), "c".into()],
        class_counts: vec![1, 1, 1],
        features: vec!["x".into(), "y".into()],
        rows: 3,
        dropped: 0,
        left_out: vec![],
        notes: vec![],
    };
    let data = DataSummary {
        origin: Origin::File {
            name: "my data.csv".into(),
            columns: vec![],
            report,
            excluded: vec!["id".into()],
            scaling: Scaling::MinMax,
        },
        task: Task::MultiClass,
        rows: 3,
        features: 2,
        class_counts: vec![1, 1, 1],
        classes: vec!["a".into(), "b".into(), "c".into()],
        inputs: vec![],
        preview: vec![],
        points: vec![],
    };
    let code =
        keras_code(&setup("data=csv&layers=8:relu,3:softmax&loss=sparse_categorical_crossentropy&seed=3"), Some(&data));
    assert_python(&code);
    for part in [
        "data = pd.read_csv('my data.csv')",
        "data = data.dropna()",
        "data.drop(columns=['it\\'s', 'id'])",
        "y = data['it\\'s'].astype('category').cat.codes.values",
        "X, y, test_size=0.2, random_state=3, stratify=y)",
        "from sklearn.preprocessing import MinMaxScaler",
        "scaler = MinMaxScaler().fit(X_train)",
        "keras.Input(shape=(2,))",
    ] {
        assert!(code.contains(part), "no {part:?} in\n{code}");
    }
}
