// Types for OData primitive values that JSON has no single type for (OData JSON Format 4.01 §7.1).

/** Edm.Single and Edm.Double also take these three strings. */
export type SpecialFloat = "INF" | "-INF" | "NaN";

export type Position = number[];

/** GeoJSON (RFC 7946), as OData writes Geography and Geometry values. */
export interface GeoPoint {
  type: "Point";
  coordinates: Position;
  crs?: unknown;
}
export interface GeoLineString {
  type: "LineString";
  coordinates: Position[];
  crs?: unknown;
}
export interface GeoPolygon {
  type: "Polygon";
  coordinates: Position[][];
  crs?: unknown;
}
export interface GeoMultiPoint {
  type: "MultiPoint";
  coordinates: Position[];
  crs?: unknown;
}
export interface GeoMultiLineString {
  type: "MultiLineString";
  coordinates: Position[][];
  crs?: unknown;
}
export interface GeoMultiPolygon {
  type: "MultiPolygon";
  coordinates: Position[][][];
  crs?: unknown;
}
export interface GeoCollection {
  type: "GeometryCollection";
  geometries: GeoJson[];
  crs?: unknown;
}
export type GeoJson =
  GeoPoint | GeoLineString | GeoPolygon | GeoMultiPoint | GeoMultiLineString | GeoMultiPolygon | GeoCollection;
