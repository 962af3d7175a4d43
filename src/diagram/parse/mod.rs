//! Parsing the Mermaid flowchart subset people write: a header, nodes with shapes, edges with
//! styles and labels, chains, `&` groups, `;`, and `%%` comments.
//!
//! ```text
//! graph TD
//!     A[计算资源] --> B{数据集质量}
//!     B -->|好| C([训练]) & D((评估))
//! ```
//!
//! Columns in errors count characters, from 1, so they point at the right place in Chinese text.

mod arrow;
mod cursor;
mod document;
mod error;
mod found;
mod node;
mod statement;

pub use document::parse;
pub use error::ParseError;
pub use found::{After, Found};
