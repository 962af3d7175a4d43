//! The built-in diagrams: the three seed charts as written (Chinese labels), and the same charts
//! with English labels.
//!
//! ```
//! use mlp_lab::diagram::{parse, seeds};
//! let chart = parse(seeds::PIPELINE_ZH).unwrap();
//! assert_eq!(chart.nodes[0].label, "计算资源");
//! assert_eq!(parse(seeds::PIPELINE_EN).unwrap().nodes[0].label, "Compute resources");
//! ```

/// The path from compute to application, one step per node (Chinese labels).
pub const PIPELINE_ZH: &str = "graph TD
    A[计算资源] --> B[数据集]
    B --> C[算法]
    C --> D[团队]
    D --> E[模型训练]
    E --> F[模型评估]
    F --> G[模型应用]
";

/// The path from compute to application, one step per node (English labels).
pub const PIPELINE_EN: &str = "graph TD
    A[Compute resources] --> B[Dataset]
    B --> C[Algorithm]
    C --> D[Team]
    D --> E[Model training]
    E --> F[Model evaluation]
    F --> G[Model application]
";

/// What the work depends on, as decisions (Chinese labels).
pub const DECISIONS_ZH: &str = "graph TD
    A[计算资源] --> B{数据集质量}
    B --> C{算法优化}
    C --> D[团队协作]
    B --> E{数据处理}
    E --> F{模型训练}
    F --> G{模型评估}
";

/// What the work depends on, as decisions (English labels).
pub const DECISIONS_EN: &str = "graph TD
    A[Compute resources] --> B{Dataset quality}
    B --> C{Algorithm optimisation}
    C --> D[Team collaboration]
    B --> E{Data processing}
    E --> F{Model training}
    F --> G{Model evaluation}
";

/// How problems lead to problems (Chinese labels).
pub const PROBLEMS_ZH: &str = "graph TD
    A[计算资源不足] --> B{数据集质量不高}
    B --> C{算法优化不足}
    C --> D{团队管理问题}
    D --> E{市场环境变化}
    A --> F{研发进展缓慢}
    B --> G{模型性能下降}
    C --> H{模型训练效率低}
    D --> I{工作效率低下}
";

/// How problems lead to problems (English labels).
pub const PROBLEMS_EN: &str = "graph TD
    A[Insufficient compute] --> B{Low dataset quality}
    B --> C{Insufficient algorithm optimisation}
    C --> D{Team management problems}
    D --> E{Market change}
    A --> F{Slow R&D}
    B --> G{Model performance drops}
    C --> H{Slow training}
    D --> I{Low productivity}
";

/// One built-in diagram: a short name to show, and its Mermaid text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    /// A short name, e.g. `Pipeline (中文)`.
    pub name: &'static str,
    /// The Mermaid text.
    pub source: &'static str,
}

/// Every built-in diagram, Chinese first, each followed by its English version.
pub const SEEDS: [Seed; 6] = [
    Seed { name: "Pipeline (中文)", source: PIPELINE_ZH },
    Seed { name: "Pipeline (English)", source: PIPELINE_EN },
    Seed { name: "Decisions (中文)", source: DECISIONS_ZH },
    Seed { name: "Decisions (English)", source: DECISIONS_EN },
    Seed { name: "Problems (中文)", source: PROBLEMS_ZH },
    Seed { name: "Problems (English)", source: PROBLEMS_EN },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::{parse, Shape};

    #[test]
    fn every_seed_parses() {
        for seed in SEEDS {
            let chart = parse(seed.source).unwrap_or_else(|error| panic!("{}: {error}", seed.name));
            assert!(chart.ignored.is_empty());
        }
    }

    #[test]
    fn translations_keep_the_structure() {
        for pair in SEEDS.chunks(2) {
            let (chinese, english) = (parse(pair[0].source).unwrap(), parse(pair[1].source).unwrap());
            let ids = |chart: &crate::diagram::Flowchart| -> Vec<(String, Shape)> {
                chart.nodes.iter().map(|node| (node.id.clone(), node.shape)).collect()
            };
            assert_eq!(ids(&chinese), ids(&english));
            assert_eq!(chinese.edges, english.edges);
            assert!(english.nodes.iter().all(|node| node.label.is_ascii()));
            assert!(chinese.nodes.iter().all(|node| !node.label.is_ascii()));
        }
    }

    #[test]
    fn seeds_have_the_expected_size() {
        let counts: Vec<(usize, usize)> = [PIPELINE_ZH, DECISIONS_ZH, PROBLEMS_ZH]
            .iter()
            .map(|source| parse(source).unwrap())
            .map(|chart| (chart.nodes.len(), chart.edges.len()))
            .collect();
        assert_eq!(counts, [(7, 6), (7, 6), (9, 8)]);
    }
}
