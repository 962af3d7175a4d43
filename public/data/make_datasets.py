"""Regenerate the bundled example datasets for MLP Lab.

Pinned: scikit-learn==1.9.1 (pandas is only used for the verification step).

    python3 -m venv /tmp/sklenv
    /tmp/sklenv/bin/pip install scikit-learn==1.9.1 pandas
    /tmp/sklenv/bin/python public/data/make_datasets.py

No network access is needed: the data are read from the CSV files that the
scikit-learn wheel ships in sklearn/datasets/data/. Numbers are copied as the
original text tokens of those files (no float re-formatting), and each value is
checked to be exactly equal to what sklearn's load_* function returns.
"""

import csv
import io
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import load_breast_cancer, load_iris, load_wine

OUT = Path(__file__).resolve().parent

# (output file, loader, file inside sklearn/datasets/data, label column name)
DATASETS = [
    ("breast_cancer.csv", load_breast_cancer, "breast_cancer.csv", "diagnosis"),
    ("iris.csv", load_iris, "iris.csv", "species"),
    ("wine.csv", load_wine, "wine_data.csv", "cultivar"),
]


def raw_rows(data_file):
    """Rows of sklearn's own CSV: first line is 'n_samples,n_features,names...'."""
    text = resources.files("sklearn.datasets.data").joinpath(data_file).read_text()
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], [r for r in rows[1:] if r]


def make(out_name, loader, data_file, label_col):
    bunch = loader()
    X, y = bunch.data, bunch.target
    features = list(bunch.feature_names)
    classes = list(bunch.target_names)

    head, rows = raw_rows(data_file)
    n, d = int(head[0]), int(head[1])
    assert (n, d) == X.shape and len(rows) == n
    cells = [r[:d] for r in rows]
    labels = [classes[int(r[d])] for r in rows]
    # the original text tokens must parse to exactly sklearn's arrays
    assert np.array_equal(np.array(cells, dtype=np.float64), X)
    assert [classes[t] for t in y] == labels

    path = OUT / out_name
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(features + [label_col])
        for c, lab in zip(cells, labels):
            w.writerow(c + [lab])

    # verify by re-reading with pandas
    df = pd.read_csv(path)
    assert df.shape == (n, d + 1), df.shape
    assert list(df.columns) == features + [label_col]
    assert np.array_equal(df[features].to_numpy(dtype=np.float64), X)
    assert df[label_col].tolist() == [classes[t] for t in y]
    counts = df[label_col].value_counts().reindex(classes)
    assert counts.tolist() == np.bincount(y).tolist()
    print(f"{out_name}: {n} rows x {d} features + '{label_col}', "
          f"{path.stat().st_size} bytes; " +
          ", ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    print("scikit-learn", sklearn.__version__)
    for spec in DATASETS:
        make(*spec)
