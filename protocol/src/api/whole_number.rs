//! Whole numbers in a JSON body, written `3` or `3.0`: JSON does not tell the two apart, and
//! neither does a JSON schema's `integer`, so a client may send either. Anything with a
//! fraction, or out of the field's range, is refused as serde would refuse it.
//! Use as `#[serde(deserialize_with = "whole_number::deserialize")]`, or `whole_number::optional`
//! with `#[serde(default)]` for an `Option`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, Error, Unexpected, Visitor};

struct Whole<T>(PhantomData<T>);

impl<T: TryFrom<i64> + TryFrom<u64>> Visitor<'_> for Whole<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number in range")
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<T, E> {
        T::try_from(n).map_err(|_| E::invalid_value(Unexpected::Signed(n), &self))
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<T, E> {
        T::try_from(n).map_err(|_| E::invalid_value(Unexpected::Unsigned(n), &self))
    }

    fn visit_f64<E: Error>(self, n: f64) -> Result<T, E> {
        // Within ±2^53 every whole f64 is exactly an integer.
        if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 {
            self.visit_i64(n as i64)
        } else {
            Err(E::invalid_value(Unexpected::Float(n), &self))
        }
    }
}

pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    deserializer.deserialize_i64(Whole(PhantomData))
}

pub fn optional<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    struct Maybe<T>(PhantomData<T>);
    impl<'de, T: TryFrom<i64> + TryFrom<u64>> Visitor<'de> for Maybe<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number in range, or null")
        }
        fn visit_none<E: Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
            deserialize(d).map(Some)
        }
    }
    deserializer.deserialize_option(Maybe(PhantomData))
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Body {
        #[serde(deserialize_with = "super::deserialize")]
        n: u8,
        #[serde(default, deserialize_with = "super::optional")]
        m: Option<i64>,
    }

    #[test]
    fn whole_numbers_may_be_written_with_a_zero_fraction() {
        let body = |json: &str| serde_json::from_str::<Body>(json);
        assert_eq!(body(r#"{"n": 3}"#).unwrap(), Body { n: 3, m: None });
        assert_eq!(body(r#"{"n": 3.0, "m": -2.0}"#).unwrap().m, Some(-2));
        assert_eq!(body(r#"{"n": 1e2, "m": null}"#).unwrap().n, 100);
        for wrong in [
            r#"{"n": 3.5}"#,
            r#"{"n": 256}"#,
            r#"{"n": -1}"#,
            r#"{"n": 1e300}"#,
            r#"{"n": "3"}"#,
        ] {
            assert!(body(wrong).is_err(), "{wrong}");
        }
    }
}
