//! The values that cross the storage boundary, the same for every engine: what a query's
//! parameters hold ([`ToValue`], [`Params`], the [`crate::params!`] macro) and what a row gives
//! back ([`Row`], [`FromValue`]). Integers are 64 bits, reals are doubles, text is UTF-8 and
//! bytes are bytes, as both SQLite and the PostgreSQL schema (`BIGINT`, `DOUBLE PRECISION`,
//! `TEXT`, `BYTEA`) store them; a truth value is an integer 0 or 1, or a boolean where an engine
//! computes one (`EXISTS`).

use super::DbError;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
    /// Only an engine makes these (PostgreSQL's `EXISTS`, comparisons); parameters are integers.
    Bool(bool),
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_owned())
    }
}

impl From<i64> for Value {
    fn from(number: i64) -> Value {
        Value::Int(number)
    }
}

/// A Rust value as a query parameter.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

macro_rules! integers_to_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Int(i64::from(*self))
            }
        }
    )*};
}
integers_to_value!(i64, i32, u32, u16, u8, bool);

impl ToValue for usize {
    fn to_value(&self) -> Value {
        i64::try_from(*self).map_or(Value::Null, Value::Int)
    }
}

impl ToValue for u64 {
    fn to_value(&self) -> Value {
        i64::try_from(*self).map_or(Value::Null, Value::Int)
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

/// A query's parameters, `?1`, `?2`, … in order: `()` for none, an array of one type, or
/// [`crate::params!`] for several.
pub trait Params {
    fn into_values(self) -> Vec<Value>;
}

impl Params for () {
    fn into_values(self) -> Vec<Value> {
        Vec::new()
    }
}

impl<T: ToValue, const N: usize> Params for [T; N] {
    fn into_values(self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}

impl<T: ToValue> Params for &[T] {
    fn into_values(self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}

impl Params for Vec<Value> {
    fn into_values(self) -> Vec<Value> {
        self
    }
}

/// Parameters of different types: `params![id, 3, Some("x")]`.
#[macro_export]
macro_rules! params {
    () => { () };
    ($($value:expr),+ $(,)?) => {
        [$(&$value as &dyn $crate::db::ToValue),+]
    };
}

/// A column's value as a Rust value.
pub trait FromValue: Sized {
    fn from_value(value: &Value) -> Result<Self, DbError>;
}

fn wrong(value: &Value, wanted: &str) -> DbError {
    DbError::Conversion(format!("{value:?} is not {wanted}"))
}

impl FromValue for i64 {
    fn from_value(value: &Value) -> Result<i64, DbError> {
        match value {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(i64::from(*b)),
            other => Err(wrong(other, "an integer")),
        }
    }
}

macro_rules! narrow_integers_from_value {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(value: &Value) -> Result<$t, DbError> {
                let wide = i64::from_value(value)?;
                <$t>::try_from(wide).map_err(|_| wrong(value, stringify!($t)))
            }
        }
    )*};
}
narrow_integers_from_value!(i32, u32, u16, u8, usize, u64);

impl FromValue for bool {
    fn from_value(value: &Value) -> Result<bool, DbError> {
        match value {
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            other => Err(wrong(other, "a truth value")),
        }
    }
}

impl FromValue for f64 {
    fn from_value(value: &Value) -> Result<f64, DbError> {
        match value {
            Value::Real(r) => Ok(*r),
            Value::Int(i) => Ok(*i as f64),
            other => Err(wrong(other, "a number")),
        }
    }
}

impl FromValue for String {
    fn from_value(value: &Value) -> Result<String, DbError> {
        match value {
            Value::Text(t) => Ok(t.clone()),
            other => Err(wrong(other, "text")),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(value: &Value) -> Result<Vec<u8>, DbError> {
        match value {
            Value::Blob(b) => Ok(b.clone()),
            Value::Text(t) => Ok(t.as_bytes().to_vec()),
            other => Err(wrong(other, "bytes")),
        }
    }
}

impl FromValue for Value {
    fn from_value(value: &Value) -> Result<Value, DbError> {
        Ok(value.clone())
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: &Value) -> Result<Option<T>, DbError> {
        match value {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

/// One row of a result, its columns in the order the query names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub(super) values: Vec<Value>,
}

/// A column's place in a row, counted from 0.
pub trait RowIndex {
    fn position(self) -> usize;
}

impl RowIndex for usize {
    fn position(self) -> usize {
        self
    }
}

impl Row {
    /// Column `index` (from 0) as a `T`. (The index's type is a parameter so that calls read
    /// as `row.get::<_, i64>(0)`.)
    pub fn get<I: RowIndex, T: FromValue>(&self, index: I) -> Result<T, DbError> {
        let index = index.position();
        let value = self
            .values
            .get(index)
            .ok_or_else(|| DbError::Conversion(format!("no column {index}")))?;
        T::from_value(value)
    }
}

impl Row {
    /// Column `index` as text, borrowed from the row.
    pub fn get_str(&self, index: usize) -> Result<&str, DbError> {
        match self.values.get(index) {
            Some(Value::Text(text)) => Ok(text),
            other => Err(DbError::Conversion(format!(
                "column {index} is {other:?}, not text"
            ))),
        }
    }
}

/// `.optional()` on a one-row query: no row is `None`, not an error.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>, DbError>;
}

impl<T> OptionalExtension<T> for Result<T, DbError> {
    fn optional(self) -> Result<Option<T>, DbError> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(DbError::NoRows) => Ok(None),
            Err(other) => Err(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_convert_both_ways_and_refuse_what_does_not_fit() {
        assert_eq!(u8::from_value(&42u8.to_value()).unwrap(), 42);
        assert!(u8::from_value(&Value::Int(300)).is_err());
        assert!(u32::from_value(&Value::Int(-1)).is_err());
        assert!(bool::from_value(&Value::Int(1)).unwrap());
        assert!(bool::from_value(&Value::Bool(true)).unwrap());
        assert_eq!(Option::<String>::from_value(&Value::Null).unwrap(), None);
        assert_eq!(Some("x").to_value(), Value::Text("x".into()));
        assert_eq!(None::<i64>.to_value(), Value::Null);
        assert!(String::from_value(&Value::Int(1)).is_err());
        let row = Row {
            values: vec![Value::Int(7), Value::Text("a".into())],
        };
        assert_eq!(row.get::<_, i64>(0).unwrap(), 7);
        assert!(row.get::<_, String>(2).is_err(), "no such column");
    }

    #[test]
    fn params_come_in_order() {
        let id = "c-1";
        let values = crate::params![id, 3u8, None::<String>, 2.5].into_values();
        assert_eq!(
            values,
            vec![
                Value::Text("c-1".into()),
                Value::Int(3),
                Value::Null,
                Value::Real(2.5)
            ]
        );
        assert_eq!(["a", "b"].into_values().len(), 2);
        assert!(().into_values().is_empty());
    }
}
