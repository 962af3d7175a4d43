//! Parsing the Mermaid flowchart subset people write: a header, nodes with shapes, edges with
//! styles and labels, chains, `&` groups, `;`, `%%` comments, `subgraph … end`, and node
//! colours (`classDef`, `class`, `:::`, `style`). What Mermaid 12 refuses is refused too.
//!
//! ```text
//! graph TD
//!     A[计算资源] --> B{数据集质量}
//!     B -->|好| C([训练]) & D((评估))
//! ```
//!
//! Columns in errors count characters, from 1, so they point at the right place in Chinese text.

mod arrow;
mod builder;
mod cursor;
mod document;
mod error;
mod found;
mod limits;
mod node;
mod statement;
mod styling;
mod subgraph;

pub use document::parse;
pub use error::ParseError;
pub use found::{After, Found};
pub use limits::{Limit, MAX_EDGES, MAX_NODES, MAX_SOURCE_CHARS};
