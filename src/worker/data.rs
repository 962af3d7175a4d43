//! The worker's data: generated on request, or a CSV file read in chunks (with progress) and
//! prepared into features and labels.

use web_sys::{Blob, FileReaderSync};

use super::{in_file, Worker, POST_EVERY_MS, SLICE_MS};
use crate::data::{
    generate, prepare, summarize, CsvOptions, CsvStream, Dataset, GeneratorSpec, PrepareOptions, Scaling, Table, Task,
};
use crate::protocol::{DataSummary, Failure, FromWorker, Origin, WorkerProblem};
use crate::trainer::Data;

/// Rows shown in the data preview.
const PREVIEW_ROWS: usize = 5;
/// Rows drawn in the scatter plot of 2-feature data.
const SCATTER_ROWS: usize = 1000;
/// Bytes read from a file at a time.
const CHUNK: f64 = (1 << 20) as f64;

/// A CSV file being read.
pub(super) struct Load {
    name: String,
    blob: Blob,
    offset: f64,
    stream: CsvStream,
    last_post_ms: f64,
}

/// What the page shows of `data`.
fn summary(data: &Dataset, origin: Origin, task: Task, classes: Vec<String>, inputs: Vec<String>) -> DataSummary {
    let preview = (0..data.rows().min(PREVIEW_ROWS))
        .map(|i| data.x.row(i).iter().chain(data.y.row(i).iter()).copied().collect())
        .collect();
    let points = if data.features() == 2 {
        (0..data.rows().min(SCATTER_ROWS)).map(|i| [data.x[[i, 0]], data.x[[i, 1]], data.y[[i, 0]]]).collect()
    } else {
        Vec::new()
    };
    let class_counts = if task == Task::Regression { Vec::new() } else { data.class_counts() };
    DataSummary {
        origin,
        task,
        rows: data.rows(),
        features: data.features(),
        class_counts,
        classes,
        inputs,
        preview,
        points,
    }
}

impl Worker {
    pub(super) fn generate(&mut self, spec: GeneratorSpec) {
        (self.run, self.load, self.table) = (None, None, None);
        let data = generate(&spec);
        let k = data.class_counts().len();
        let task = if k > 2 { Task::MultiClass } else { Task::Binary };
        let origin = Origin::Generated { generator: spec.generator, label_noise: spec.label_noise };
        let inputs = (0..data.features()).map(|j| format!("x{j}")).collect();
        let message = summary(&data, origin, task, (0..k).map(|c| c.to_string()).collect(), inputs);
        self.source = Some(Data::Generated(data));
        self.post(&FromWorker::Data(message));
    }

    pub(super) fn begin_load(&mut self, name: String, blob: Blob) {
        (self.run, self.source, self.table) = (None, None, None);
        let options = CsvOptions { size_hint: Some(blob.size() as u64), ..Default::default() };
        self.load =
            Some(Load { name, blob, offset: 0.0, stream: CsvStream::new(options), last_post_ms: f64::NEG_INFINITY });
        self.schedule();
    }

    /// Reads chunks for one slice; at the end, prepares the table.
    pub(super) fn pump_load(&mut self) {
        let Some(mut load) = self.load.take() else { return };
        let slice_end = self.now() + SLICE_MS;
        let total = load.blob.size();
        while load.offset < total && self.now() < slice_end {
            let end = (load.offset + CHUNK).min(total);
            let bytes = load
                .blob
                .slice_with_f64_and_f64(load.offset, end)
                .and_then(|part| FileReaderSync::new()?.read_as_array_buffer(&part))
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
            let bytes = match bytes {
                Ok(bytes) => bytes,
                Err(e) => {
                    let problem = WorkerProblem::FileUnreadable { name: load.name.clone(), detail: format!("{e:?}") };
                    return self.fail(Failure::Worker(problem));
                }
            };
            if let Err(e) = load.stream.push(&bytes) {
                return self.fail(in_file(&load.name, e));
            }
            load.offset = end;
        }
        let now = self.now();
        if load.offset < total {
            if now - load.last_post_ms >= POST_EVERY_MS {
                load.last_post_ms = now;
                self.post(&FromWorker::Loading {
                    name: load.name.clone(),
                    bytes: load.offset as u64,
                    total: total as u64,
                });
            }
            self.load = Some(load);
            return self.schedule();
        }
        self.post(&FromWorker::Loading { name: load.name.clone(), bytes: total as u64, total: total as u64 });
        match load.stream.finish() {
            Ok(table) => self.prepare_table(load.name, table, PrepareOptions::default()),
            Err(e) => self.fail(in_file(&load.name, e)),
        }
    }

    /// Prepares the loaded table again with other choices.
    pub(super) fn prepare(&mut self, label: Option<String>, exclude: Vec<String>, scaling: Scaling) {
        match self.table.take() {
            Some((name, table)) => {
                self.prepare_table(name, table, PrepareOptions { label, exclude, scaling, ..Default::default() })
            }
            None => self.fail(Failure::Worker(WorkerProblem::NoTable)),
        }
    }

    /// Makes features and labels of `table`; the table is kept either way, so that the user can
    /// choose another label column after an error.
    fn prepare_table(&mut self, name: String, table: Table, options: PrepareOptions) {
        (self.run, self.source) = (None, None);
        match prepare(&table, &options) {
            Ok((prepared, report)) => {
                let columns = summarize(&table, Some(&report.label)).columns;
                let (task, classes) = (report.task, report.classes.clone());
                let inputs = prepared.schema.inputs.iter().map(|i| i.column.clone()).collect();
                let (excluded, scaling) = (options.exclude.clone(), options.scaling);
                let origin = Origin::File { name: name.clone(), columns, report, excluded, scaling };
                self.post(&FromWorker::Data(summary(&prepared.data, origin, task, classes, inputs)));
                self.source = Some(Data::File(prepared));
            }
            Err(e) => self.fail(in_file(&name, e)),
        }
        self.table = Some((name, table));
    }
}
