package org.plenary.states;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A world map of the states as SVG, drawn from Natural Earth's 1:110m country outlines
 * ({@code states/countries-110m.json}, see {@code states/NATURAL-EARTH.md}).
 * <p>
 * The projection is equirectangular: longitude -180..180 and latitude 84..-58 stretched
 * over a 960 x 470 view box (Antarctica, south of the view, is left out). Rings that
 * cross the antimeridian (Russia, Fiji) are unwrapped, drawn on both edges of the map and
 * clipped there, so nothing streaks across it. Each country is one {@code <path>} with
 * the class {@code country} and a class chosen by the caller: colours come from the
 * page's style sheet, the SVG has no styles of its own. States with no shape at this
 * scale (Singapore, Malta, the small island states, the Holy See...) are a
 * {@code <circle>} at their capital instead, with the extra class {@code small}, drawn
 * after the paths so they lie on top. The path data is computed once, when the map is
 * first used; the map is immutable and safe to share.
 */
public final class WorldMap {

	static final int WIDTH = 960;

	static final int HEIGHT = 470;

	private static final String RESOURCE = "/states/countries-110m.json";

	private static final double NORTH = 84;

	private static final double SOUTH = -58;

	private static final double X_SCALE = WIDTH / 360.0;

	private static final double Y_SCALE = HEIGHT / (NORTH - SOUTH);

	/**
	 * The states with no shape at 1:110m, drawn as dots: the 28 UN member states too
	 * small for it and the Holy See, an observer state. One per line:
	 * {@code m49,name,latitude,longitude}, the position of the capital (Kiribati: Tarawa)
	 * to 0.1°. Source: approximate capital coordinates, public geographic fact.
	 */
	private static final String SMALL_STATES = """
			020,Andorra,42.5,1.5
			028,Antigua and Barbuda,17.1,-61.8
			048,Bahrain,26.2,50.6
			052,Barbados,13.1,-59.6
			132,Cabo Verde,14.9,-23.5
			174,Comoros,-11.7,43.3
			212,Dominica,15.3,-61.4
			308,Grenada,12.1,-61.7
			296,Kiribati,1.3,173.0
			336,Holy See,41.9,12.5
			438,Liechtenstein,47.1,9.5
			462,Maldives,4.2,73.5
			470,Malta,35.9,14.5
			480,Mauritius,-20.2,57.5
			492,Monaco,43.7,7.4
			520,Nauru,-0.5,166.9
			583,Micronesia (Federated States of),6.9,158.2
			584,Marshall Islands,7.1,171.4
			585,Palau,7.5,134.6
			659,Saint Kitts and Nevis,17.3,-62.7
			662,Saint Lucia,14.0,-61.0
			670,Saint Vincent and the Grenadines,13.2,-61.2
			674,San Marino,43.9,12.4
			678,Sao Tome and Principe,0.3,6.7
			690,Seychelles,-4.6,55.5
			702,Singapore,1.3,103.8
			776,Tonga,-21.1,-175.2
			798,Tuvalu,-8.5,179.2
			882,Samoa,-13.8,-171.8
			""";

	private static final int DOT_RADIUS = 3;

	private final List<Country> countries;

	private final List<Dot> dots;

	private final Set<Integer> m49Codes;

	private final int pathLength;

	private WorldMap(List<Country> countries) {
		this.countries = List.copyOf(countries);
		TreeSet<Integer> codes = new TreeSet<>();
		int length = 0;
		for (Country country : countries) {
			if (country.m49() != null) {
				codes.add(country.m49());
			}
			length += country.path().length();
		}
		List<Dot> dots = new ArrayList<>();
		for (String line : SMALL_STATES.lines().toList()) {
			String[] fields = line.split(",");
			int m49 = Integer.parseInt(fields[0]);
			// a dot only for a state that has no path
			if (codes.add(m49)) {
				dots.add(new Dot(m49, "%03d".formatted(m49), fields[1], projectX(Double.parseDouble(fields[3])),
						projectY(Double.parseDouble(fields[2]))));
			}
		}
		this.dots = List.copyOf(dots);
		this.m49Codes = Collections.unmodifiableSortedSet(codes);
		this.pathLength = length;
	}

	/** The map of Natural Earth's 1:110m countries, read once and shared. */
	public static WorldMap natural() {
		return Natural.MAP;
	}

	/**
	 * The M49 (ISO 3166-1 numeric) codes of the countries on the map, in order: those
	 * drawn as a shape and those drawn as a dot.
	 */
	public Set<Integer> m49Codes() {
		return this.m49Codes;
	}

	/**
	 * The map as a self-contained SVG element: one path per country, with the classes
	 * {@code country} and the caller's class, a {@code data-m49} attribute (e.g.
	 * {@code 076}) and a title for the tooltip; then, on top, one circle of radius 3 per
	 * state too small for a shape, alike but with the extra class {@code small}.
	 * @param classByM49 the CSS class of each country by M49 code; countries not in it
	 * get {@code none}
	 * @param titleByM49 the tooltip of each country by M49 code; countries not in it show
	 * their Natural Earth name
	 * @param ariaLabel what the map shows, for screen readers
	 * @return the SVG markup, every text and attribute value escaped
	 */
	public String svg(Map<Integer, String> classByM49, Map<Integer, String> titleByM49, String ariaLabel) {
		Map<Integer, String> classes = (classByM49 != null) ? classByM49 : Map.of();
		Map<Integer, String> titles = (titleByM49 != null) ? titleByM49 : Map.of();
		StringBuilder svg = new StringBuilder(this.pathLength + (this.countries.size() + this.dots.size()) * 120 + 256);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" class=\"world-map\" role=\"img\" aria-label=\"");
		escape((ariaLabel != null) ? ariaLabel : "World map", svg);
		svg.append("\">\n<g class=\"countries\" fill-rule=\"evenodd\">\n");
		for (Country country : this.countries) {
			String cssClass = (country.m49() != null) ? classes.get(country.m49()) : null;
			String title = (country.m49() != null) ? titles.get(country.m49()) : null;
			svg.append("<path class=\"country ");
			escape((cssClass != null) ? cssClass : "none", svg);
			svg.append('"');
			if (country.code() != null) {
				svg.append(" data-m49=\"").append(country.code()).append('"');
			}
			svg.append(" d=\"").append(country.path()).append("\"><title>");
			escape((title != null) ? title : country.name(), svg);
			svg.append("</title></path>\n");
		}
		for (Dot dot : this.dots) {
			String cssClass = classes.get(dot.m49());
			String title = titles.get(dot.m49());
			svg.append("<circle class=\"country ");
			escape((cssClass != null) ? cssClass : "none", svg);
			svg.append(" small\" data-m49=\"").append(dot.code()).append("\" cx=\"");
			number(dot.x(), svg);
			svg.append("\" cy=\"");
			number(dot.y(), svg);
			svg.append("\" r=\"").append(DOT_RADIUS).append("\"><title>");
			escape((title != null) ? title : dot.name(), svg);
			svg.append("</title></circle>\n");
		}
		return svg.append("</g>\n</svg>").toString();
	}

	/**
	 * One country as the SVG draws it, for other renderers (the PDF reports): a shape
	 * with its path data ({@code M x y l dx dy ... z}, absolute start, relative steps, in
	 * the {@link #WIDTH} x {@link #HEIGHT} view box), or a dot of radius {@code r} at
	 * {@code (x, y)} with {@code path} null.
	 */
	public record Outline(Integer m49, String name, String path, double x, double y, double r) {

		public boolean dot() {
			return this.path == null;
		}

	}

	/** The view box of the map: width then height. */
	public static int[] size() {
		return new int[] { WIDTH, HEIGHT };
	}

	/** Every country in drawing order: the shapes, then the dots on top. */
	public List<Outline> outlines() {
		List<Outline> outlines = new ArrayList<>(this.countries.size() + this.dots.size());
		for (Country country : this.countries) {
			outlines.add(new Outline(country.m49(), country.name(), country.path(), 0, 0, 0));
		}
		for (Dot dot : this.dots) {
			outlines.add(new Outline(dot.m49(), dot.name(), null, dot.x() / 10.0, dot.y() / 10.0, DOT_RADIUS));
		}
		return outlines;
	}

	/** Escapes text for XML content or a quoted attribute, dropping what XML forbids. */
	static void escape(String text, StringBuilder out) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				case '\t', '\n', '\r' -> out.append("&#").append((int) c).append(';');
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
						out.append(c);
					}
				}
			}
		}
	}

	/** Reads a TopoJSON topology with a {@code countries} geometry collection. */
	static WorldMap read(InputStream topoJson) {
		JsonNode topology = JsonMapper.shared().readTree(topoJson);
		List<double[]> arcs = arcs(topology);
		List<Country> countries = new ArrayList<>();
		for (JsonNode geometry : topology.path("objects").path("countries").path("geometries")) {
			List<JsonNode> polygons = switch (geometry.path("type").asString()) {
				case "Polygon" -> List.of(geometry.path("arcs"));
				case "MultiPolygon" -> List.copyOf(geometry.path("arcs").values());
				default -> List.of();
			};
			StringBuilder path = new StringBuilder();
			for (JsonNode polygon : polygons) {
				for (JsonNode ring : polygon) {
					draw(ring(ring, arcs), path);
				}
			}
			if (path.isEmpty()) {
				continue;
			}
			String code = geometry.path("id").asString(null);
			Integer m49 = (code != null && code.matches("\\d{1,3}")) ? Integer.valueOf(code) : null;
			String name = geometry.path("properties").path("name").asString("");
			countries.add(new Country(m49, (m49 != null) ? "%03d".formatted(m49) : null, name, path.toString()));
		}
		return new WorldMap(countries);
	}

	/**
	 * Decodes the arcs: quantized positions are delta-encoded, so each is the sum of the
	 * ones before, then scaled and translated to degrees. Each arc is
	 * {@code [lon0, lat0, lon1, lat1, ...]}.
	 */
	private static List<double[]> arcs(JsonNode topology) {
		JsonNode transform = topology.path("transform");
		boolean quantized = !transform.isMissingNode();
		double scaleX = quantized ? transform.path("scale").path(0).asDouble() : 1;
		double scaleY = quantized ? transform.path("scale").path(1).asDouble() : 1;
		double translateX = quantized ? transform.path("translate").path(0).asDouble() : 0;
		double translateY = quantized ? transform.path("translate").path(1).asDouble() : 0;
		List<double[]> arcs = new ArrayList<>();
		for (JsonNode arc : topology.path("arcs")) {
			double[] points = new double[arc.size() * 2];
			double x = 0;
			double y = 0;
			for (int i = 0; i < arc.size(); i++) {
				JsonNode position = arc.get(i);
				if (quantized) {
					x += position.get(0).asDouble();
					y += position.get(1).asDouble();
					points[2 * i] = x * scaleX + translateX;
					points[2 * i + 1] = y * scaleY + translateY;
				}
				else {
					points[2 * i] = position.get(0).asDouble();
					points[2 * i + 1] = position.get(1).asDouble();
				}
			}
			arcs.add(points);
		}
		return arcs;
	}

	/**
	 * Joins a ring's arcs into one closed list of positions. Index {@code ~i} is arc
	 * {@code i} reversed; the first position of each arc after the first repeats the last
	 * position of the one before and is skipped.
	 */
	private static List<double[]> ring(JsonNode arcIndexes, List<double[]> arcs) {
		List<double[]> ring = new ArrayList<>();
		for (JsonNode index : arcIndexes) {
			int i = index.asInt();
			double[] arc = arcs.get((i >= 0) ? i : ~i);
			int n = arc.length / 2;
			for (int k = ring.isEmpty() ? 0 : 1; k < n; k++) {
				int p = (i >= 0) ? k : n - 1 - k;
				ring.add(new double[] { arc[2 * p], arc[2 * p + 1] });
			}
		}
		return ring;
	}

	/**
	 * Appends one ring to the path data. Longitudes are unwrapped (a step of more than
	 * 180° continues past the antimeridian instead of jumping back), the ring is drawn
	 * once more shifted by 360° if it reaches past either edge, and each copy is clipped
	 * to the edges.
	 */
	private static void draw(List<double[]> ring, StringBuilder path) {
		if (ring.size() < 3) {
			return;
		}
		List<double[]> unwrapped = new ArrayList<>(ring.size() + 2);
		double previous = ring.get(0)[0];
		double maxLat = -90;
		double minLat = 90;
		for (double[] position : ring) {
			double lon = position[0];
			while (lon - previous > 180) {
				lon -= 360;
			}
			while (lon - previous < -180) {
				lon += 360;
			}
			unwrapped.add(new double[] { lon, position[1] });
			previous = lon;
			maxLat = Math.max(maxLat, position[1]);
			minLat = Math.min(minLat, position[1]);
		}
		if (maxLat < SOUTH || minLat > NORTH) {
			return;
		}
		double[] first = unwrapped.get(0);
		double[] last = unwrapped.get(unwrapped.size() - 1);
		if (Math.abs(last[0] - first[0]) > 180) {
			// a ring around a pole: close it along the pole
			double pole = (minLat + maxLat < 0) ? -90 : 90;
			unwrapped.add(new double[] { last[0], pole });
			unwrapped.add(new double[] { first[0], pole });
		}
		else if (last[0] == first[0] && last[1] == first[1]) {
			unwrapped.remove(unwrapped.size() - 1);
		}
		double minLon = Double.MAX_VALUE;
		double maxLon = -Double.MAX_VALUE;
		for (double[] position : unwrapped) {
			minLon = Math.min(minLon, position[0]);
			maxLon = Math.max(maxLon, position[0]);
		}
		for (int shift = -720; shift <= 720; shift += 360) {
			if (minLon + shift < 180 && maxLon + shift > -180) {
				List<double[]> copy = new ArrayList<>(unwrapped.size());
				for (double[] position : unwrapped) {
					copy.add(new double[] { position[0] + shift, position[1] });
				}
				if (minLon + shift < -180) {
					copy = clip(copy, -180, false);
				}
				if (maxLon + shift > 180) {
					copy = clip(copy, 180, true);
				}
				append(copy, path);
			}
		}
	}

	/**
	 * Clips a ring to one side of a meridian (Sutherland-Hodgman): keeps the part west of
	 * it, or east of it.
	 */
	private static List<double[]> clip(List<double[]> ring, double meridian, boolean keepWest) {
		List<double[]> clipped = new ArrayList<>(ring.size() + 4);
		double[] previous = ring.get(ring.size() - 1);
		boolean previousInside = keepWest ? previous[0] <= meridian : previous[0] >= meridian;
		for (double[] current : ring) {
			boolean inside = keepWest ? current[0] <= meridian : current[0] >= meridian;
			if (inside != previousInside) {
				double t = (meridian - previous[0]) / (current[0] - previous[0]);
				clipped.add(new double[] { meridian, previous[1] + t * (current[1] - previous[1]) });
			}
			if (inside) {
				clipped.add(current);
			}
			previous = current;
			previousInside = inside;
		}
		return clipped;
	}

	/**
	 * Projects a ring and appends it as {@code M x y l dx dy ... z}, in tenths of a unit:
	 * rounding the absolute positions first keeps the relative steps exact.
	 */
	private static void append(List<double[]> ring, StringBuilder path) {
		int[] xs = new int[ring.size()];
		int[] ys = new int[ring.size()];
		int n = 0;
		for (double[] position : ring) {
			int x = projectX(position[0]);
			int y = projectY(position[1]);
			if (n == 0 || x != xs[n - 1] || y != ys[n - 1]) {
				xs[n] = x;
				ys[n] = y;
				n++;
			}
		}
		while (n > 1 && xs[n - 1] == xs[0] && ys[n - 1] == ys[0]) {
			n--;
		}
		if (n < 3) {
			return;
		}
		path.append('M');
		number(xs[0], path);
		path.append(' ');
		number(ys[0], path);
		path.append('l');
		for (int i = 1; i < n; i++) {
			if (i > 1 && xs[i] - xs[i - 1] >= 0) {
				path.append(' ');
			}
			number(xs[i] - xs[i - 1], path);
			if (ys[i] - ys[i - 1] >= 0) {
				path.append(' ');
			}
			number(ys[i] - ys[i - 1], path);
		}
		path.append('z');
	}

	/** Projects a longitude to x on the map, in tenths of a unit. */
	private static int projectX(double lon) {
		return (int) Math.round((lon + 180) * X_SCALE * 10);
	}

	/** Projects a latitude to y on the map, in tenths of a unit. */
	private static int projectY(double lat) {
		return (int) Math.round((NORTH - lat) * Y_SCALE * 10);
	}

	/** Writes tenths as a decimal number: 123 as 12.3, -5 as -0.5, 40 as 4. */
	private static void number(int tenths, StringBuilder out) {
		if (tenths < 0) {
			out.append('-');
		}
		int magnitude = Math.abs(tenths);
		out.append(magnitude / 10);
		if (magnitude % 10 != 0) {
			out.append('.').append(magnitude % 10);
		}
	}

	private record Country(Integer m49, String code, String name, String path) {

	}

	/** A state drawn as a dot; {@code x} and {@code y} in tenths of a unit. */
	private record Dot(int m49, String code, String name, int x, int y) {

	}

	/** Holds the shared map; the JVM initializes it once, on first use, thread-safely. */
	private static final class Natural {

		static final WorldMap MAP = load();

		private static WorldMap load() {
			try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("Missing classpath resource " + RESOURCE);
				}
				return read(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
			}
		}

	}

}
