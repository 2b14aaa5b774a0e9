//! Words to show later: a message id with its arguments, formatted (by `crate::i18n`) in
//! the locale of whoever sees them. The domain records its refusals this way (a form's field
//! errors), so a rule speaks every language without knowing any.

/// Words to show later, in the locale of whoever sees them: a message id with its
/// arguments, or (from code not converted yet) plain text. Stored in the session for flash
/// messages, so it serializes; plain strings of earlier sessions still read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Message {
        id: String,
        #[serde(default)]
        args: Vec<(String, TextArg)>,
    },
}

/// An argument of a deferred [`Text`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum TextArg {
    Number(i64),
    Text(String),
    /// Another message, formatted in the same language (a field's name inside a sentence).
    Words {
        words: String,
    },
}

impl Text {
    pub fn id(id: &str) -> Self {
        Self::Message {
            id: id.to_owned(),
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    pub fn arg(mut self, name: &str, value: impl Into<String>) -> Self {
        if let Self::Message { args, .. } = &mut self {
            args.push((name.to_owned(), TextArg::Text(value.into())));
        }
        self
    }

    /// Adds a number argument (plural forms select on it).
    pub fn count(mut self, name: &str, value: i64) -> Self {
        if let Self::Message { args, .. } = &mut self {
            args.push((name.to_owned(), TextArg::Number(value)));
        }
        self
    }

    /// Adds an argument that is itself a message (`id`), in the same language as the whole.
    pub fn words(mut self, name: &str, id: &str) -> Self {
        if let Self::Message { args, .. } = &mut self {
            args.push((
                name.to_owned(),
                TextArg::Words {
                    words: id.to_owned(),
                },
            ));
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Self::Plain(text) if text.is_empty())
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Self::Plain(text.to_owned())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Self::Plain(text)
    }
}
