//! Finds the municipality a GPS point lies in, by point-in-polygon over the municipal boundaries.
//!
//! The boundaries are simplified, so a point right on a border, or in a sliver the
//! simplification left between two municipalities, may fall in no polygon; such a point goes
//! to the nearest municipality if it is within [`BORDER_TOLERANCE_DEGREES`]. Anything farther
//! out is outside Kosovo.

use geo::{
    BoundingRect, Contains, Coord, Distance, Euclidean, LineString, MultiPolygon, Point, Polygon,
    Rect,
};

/// About 300 m at Kosovo's latitude: more than the simplification error, far less than the
/// distance to any neighbouring country's towns.
pub const BORDER_TOLERANCE_DEGREES: f64 = 0.003;

struct Area {
    id: String,
    shape: MultiPolygon<f64>,
    bounds: Rect<f64>,
}

pub struct Locator {
    areas: Vec<Area>,
}

#[derive(Debug, thiserror::Error)]
#[error("boundary of {id}: {reason}")]
pub struct GeometryError {
    pub id: String,
    pub reason: String,
}

fn ring(value: &serde_json::Value) -> Option<LineString<f64>> {
    let coords = value
        .as_array()?
        .iter()
        .map(|p| {
            Some(Coord {
                x: p.get(0)?.as_f64()?,
                y: p.get(1)?.as_f64()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(LineString::new(coords))
}

fn polygon(value: &serde_json::Value) -> Option<Polygon<f64>> {
    let mut rings = value.as_array()?.iter().map(ring);
    let exterior = rings.next()??;
    let interiors = rings.collect::<Option<Vec<_>>>()?;
    Some(Polygon::new(exterior, interiors))
}

/// Parses a GeoJSON `Polygon` or `MultiPolygon` geometry.
pub fn parse_geometry(geometry: &str) -> Option<MultiPolygon<f64>> {
    let value: serde_json::Value = serde_json::from_str(geometry).ok()?;
    let coordinates = &value["coordinates"];
    match value["type"].as_str()? {
        "Polygon" => Some(MultiPolygon::new(vec![polygon(coordinates)?])),
        "MultiPolygon" => Some(MultiPolygon::new(
            coordinates
                .as_array()?
                .iter()
                .map(polygon)
                .collect::<Option<Vec<_>>>()?,
        )),
        _ => None,
    }
}

impl Locator {
    /// Builds the index from `(municipality id, GeoJSON geometry)` pairs.
    pub fn new(boundaries: Vec<(String, String)>) -> Result<Locator, GeometryError> {
        let areas = boundaries
            .into_iter()
            .map(|(id, geometry)| {
                let shape = parse_geometry(&geometry).ok_or_else(|| GeometryError {
                    id: id.clone(),
                    reason: "not a polygon".into(),
                })?;
                let bounds = shape.bounding_rect().ok_or_else(|| GeometryError {
                    id: id.clone(),
                    reason: "empty".into(),
                })?;
                Ok(Area { id, shape, bounds })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Locator { areas })
    }

    /// A municipality's boundary (longitude, latitude) and its bounding box, to draw it.
    pub fn outline(&self, municipality: &str) -> Option<(&MultiPolygon<f64>, Rect<f64>)> {
        self.areas
            .iter()
            .find(|a| a.id == municipality)
            .map(|a| (&a.shape, a.bounds))
    }

    /// The municipality containing the point (longitude, latitude), if it is in Kosovo.
    pub fn municipality_at(&self, lat: f64, lon: f64) -> Option<&str> {
        let point = Point::new(lon, lat);
        let inside = self
            .areas
            .iter()
            .filter(|a| {
                let (min, max) = (a.bounds.min(), a.bounds.max());
                lon >= min.x && lon <= max.x && lat >= min.y && lat <= max.y
            })
            .find(|a| a.shape.contains(&point));
        if let Some(area) = inside {
            return Some(&area.id);
        }
        self.areas
            .iter()
            .map(|a| {
                let distance = a
                    .shape
                    .iter()
                    .map(|p| Euclidean.distance(&point, p))
                    .fold(f64::INFINITY, f64::min);
                (a, distance)
            })
            .filter(|(_, d)| *d <= BORDER_TOLERANCE_DEGREES)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(a, _)| a.id.as_str())
    }
}
