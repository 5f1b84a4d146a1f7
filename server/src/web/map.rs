//! Where a complaint is, drawn on the server as SVG: the municipality's outline with the point
//! (from the boundaries Zëri holds, so it works offline), and the street map around the point
//! from OpenStreetMap's tiles when the browser can reach them.

use std::f64::consts::PI;
use std::fmt::Write;

use geo::{MultiPolygon, Rect};
use maud::{Markup, PreEscaped, html};

use super::page::Words;

const OUTLINE_WIDTH: f64 = 320.0;
const TILE_ZOOM: i32 = 16;
const TILE_SIZE: f64 = 256.0;

/// Longitude and latitude to drawing coordinates: longitudes shrink with the cosine of the
/// latitude, so the shape is not stretched.
struct Projection {
    west: f64,
    north: f64,
    scale: f64,
    shrink: f64,
}

impl Projection {
    fn fit(bounds: Rect<f64>) -> (Projection, f64) {
        let shrink = ((bounds.min().y + bounds.max().y) / 2.0).to_radians().cos();
        let width = (bounds.width() * shrink).max(1e-6);
        let scale = (OUTLINE_WIDTH - 20.0) / width;
        let height = bounds.height() * scale + 20.0;
        (
            Projection {
                west: bounds.min().x,
                north: bounds.max().y,
                scale,
                shrink,
            },
            height,
        )
    }

    fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            10.0 + (lon - self.west) * self.shrink * self.scale,
            10.0 + (self.north - lat) * self.scale,
        )
    }
}

fn outline_path(shape: &MultiPolygon<f64>, projection: &Projection) -> String {
    let mut d = String::new();
    for polygon in shape {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            for (i, c) in ring.coords().enumerate() {
                let (x, y) = projection.point(c.x, c.y);
                let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
    }
    d
}

/// The municipality with the complaint's point, if it has one.
pub fn outline(
    words: Words,
    municipality_name: &str,
    shape: &MultiPolygon<f64>,
    bounds: Rect<f64>,
    point: Option<(f64, f64)>,
) -> Markup {
    let (projection, height) = Projection::fit(bounds);
    let label = match point {
        Some(_) => words.format(
            "web-map-outline-point",
            &[("municipality", municipality_name.into())],
        ),
        None => words.format(
            "web-map-outline",
            &[("municipality", municipality_name.into())],
        ),
    };
    let dot = point.map(|(lat, lon)| projection.point(lon, lat));
    html! {
        svg.outline viewBox=(format!("0 0 {OUTLINE_WIDTH} {height:.0}")) role="img" aria-label=(label) {
            title { (label) }
            path.area d=(outline_path(shape, &projection)) {}
            @if let Some((x, y)) = dot {
                circle.pin cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="6" {}
            }
        }
    }
}

/// The tile coordinates (fractional) of a point at the map's zoom.
fn tile_position(lat: f64, lon: f64) -> (f64, f64) {
    let n = f64::from(1 << TILE_ZOOM);
    let x = (lon + 180.0) / 360.0 * n;
    let lat = lat.to_radians();
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0 * n;
    (x, y)
}

/// Nine OpenStreetMap tiles around the point, the point in the middle.
pub fn street_map(words: Words, lat: f64, lon: f64) -> Markup {
    let (x, y) = tile_position(lat, lon);
    let (tile_x, tile_y) = (x.floor() as i64, y.floor() as i64);
    // Drawing coordinates: the top-left tile of the nine starts at 0,0.
    let (px, py) = (
        (x - (tile_x - 1) as f64) * TILE_SIZE,
        (y - (tile_y - 1) as f64) * TILE_SIZE,
    );
    let label = words.t("web-map-street");
    let mut tiles = String::new();
    for dy in -1..=1 {
        for dx in -1..=1 {
            let _ = write!(
                tiles,
                r#"<image href="https://tile.openstreetmap.org/{TILE_ZOOM}/{}/{}.png" x="{}" y="{}" width="256" height="256"/>"#,
                tile_x + dx,
                tile_y + dy,
                (dx + 1) as f64 * TILE_SIZE,
                (dy + 1) as f64 * TILE_SIZE,
            );
        }
    }
    html! {
        figure.street-map {
            svg viewBox=(format!("{:.0} {:.0} 360 240", px - 180.0, py - 120.0)) role="img" aria-label=(label) {
                title { (label) }
                rect.tile-background x="0" y="0" width="768" height="768" {}
                (PreEscaped(tiles))
                circle.pin cx=(format!("{px:.1}")) cy=(format!("{py:.1}")) r="8" {}
            }
            figcaption {
                a href=(format!("https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lon:.6}#map=17/{lat:.6}/{lon:.6}")) {
                    (words.t("web-map-open"))
                }
                " · © OpenStreetMap contributors"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tile_position;

    #[test]
    fn tiles_count_from_the_north_west_corner() {
        let half = f64::from(1 << super::TILE_ZOOM) / 2.0;
        let (x, y) = tile_position(0.0, 0.0);
        assert!((x - half).abs() < 1e-9 && (y - half).abs() < 1e-6);
        let (prishtina_x, prishtina_y) = tile_position(42.6629, 21.1655);
        let (prizren_x, prizren_y) = tile_position(42.2139, 20.7397);
        assert!(prizren_x < prishtina_x, "Prizren is west of Prishtina");
        assert!(prizren_y > prishtina_y, "and south of it");
    }
}
