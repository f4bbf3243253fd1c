package org.plenary.states;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WorldMapTests {

	private static final String SVG_NS = "http://www.w3.org/2000/svg";

	private static final Pattern RING = Pattern.compile("M([^l]*)l([^z]*)z");

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9])?");

	// the 28 UN member states with no shape at 1:110m, and the Holy See
	private static final List<Integer> SMALL_STATES = List.of(20, 28, 48, 52, 132, 174, 212, 308, 296, 438, 462, 470,
			480, 584, 583, 492, 520, 585, 659, 662, 670, 882, 674, 678, 690, 702, 776, 798, 336);

	private final WorldMap map = WorldMap.natural();

	@Test
	void hasTheCountriesOfMostMemberStates() {
		assertThat(this.map.m49Codes()).contains(76, 643, 840, 384, 156, 356, 36, 710).hasSizeGreaterThanOrEqualTo(170);
		String svg = this.map.svg(Map.of(), Map.of(), "World");
		assertThat(svg).contains("data-m49=\"076\"", "data-m49=\"643\"", "data-m49=\"840\"", "data-m49=\"384\"");
		// Antarctica lies south of the map
		assertThat(this.map.m49Codes()).doesNotContain(10);
	}

	@Test
	void givesEachCountryItsClassAndTitle() throws Exception {
		Document svg = parse(this.map.svg(Map.of(76, "yes", 643, "no"), Map.of(76, "Brazil: yes"), "Votes"));
		Map<String, Element> paths = pathsByM49(svg);
		assertThat(paths.get("076").getAttribute("class")).isEqualTo("country yes");
		assertThat(paths.get("643").getAttribute("class")).isEqualTo("country no");
		assertThat(paths.get("840").getAttribute("class")).isEqualTo("country none");
		assertThat(title(paths.get("076"))).isEqualTo("Brazil: yes");
		assertThat(title(paths.get("840"))).isEqualTo("United States of America");
		assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("Votes");
		assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
	}

	@Test
	void drawsOnePathPerCountry() throws Exception {
		Document svg = parse(this.map.svg(null, null, null));
		Map<String, Element> paths = pathsByM49(svg);
		Map<String, Element> dots = dotsByM49(svg);
		assertThat(paths.size() + dots.size()).isEqualTo(this.map.m49Codes().size());
		assertThat(paths.keySet()).doesNotContainAnyElementsOf(dots.keySet());
		// Kosovo, N. Cyprus and Somaliland have no code in the data
		assertThat(svg.getElementsByTagNameNS(SVG_NS, "path").getLength()).isEqualTo(paths.size() + 3);
	}

	@Test
	void drawsTheStatesWithNoShapeAsDots() throws Exception {
		assertThat(this.map.m49Codes()).containsAll(SMALL_STATES)
			.hasSizeGreaterThanOrEqualTo(170 + SMALL_STATES.size());
		String markup = this.map.svg(Map.of(), Map.of(), "World");
		Document svg = parse(markup);
		Map<String, Element> dots = dotsByM49(svg);
		assertThat(dots).hasSize(SMALL_STATES.size());
		assertThat(pathsByM49(svg)).doesNotContainKeys(dots.keySet().toArray(String[]::new));
		for (Integer m49 : SMALL_STATES) {
			Element dot = dots.get("%03d".formatted(m49));
			assertThat(dot).as("dot of %s", m49).isNotNull();
			assertThat(dot.getAttribute("class")).isEqualTo("country none small");
			assertThat(dot.getAttribute("r")).isEqualTo("3");
			assertThat(Double.parseDouble(dot.getAttribute("cx"))).isBetween(0.0, (double) WorldMap.WIDTH);
			assertThat(Double.parseDouble(dot.getAttribute("cy"))).isBetween(0.0, (double) WorldMap.HEIGHT);
		}
		assertThat(title(dots.get("336"))).isEqualTo("Holy See");
		assertThat(title(dots.get("702"))).isEqualTo("Singapore");
		// on top: after every path
		assertThat(markup.indexOf("<circle")).isGreaterThan(markup.lastIndexOf("<path"));
	}

	@Test
	void givesEachDotItsClassAndTitle() throws Exception {
		Document svg = parse(this.map.svg(Map.of(702, "yes", 470, "no"), Map.of(702, "Singapore: yes"), "Votes"));
		Map<String, Element> dots = dotsByM49(svg);
		assertThat(dots.get("702").getAttribute("class")).isEqualTo("country yes small");
		assertThat(dots.get("470").getAttribute("class")).isEqualTo("country no small");
		assertThat(dots.get("048").getAttribute("class")).isEqualTo("country none small");
		assertThat(title(dots.get("702"))).isEqualTo("Singapore: yes");
		assertThat(title(dots.get("470"))).isEqualTo("Malta");
	}

	@Test
	void placesADotAtItsCapital() throws Exception {
		Document svg = parse(this.map.svg(Map.of(), Map.of(), "World"));
		Element singapore = dotsByM49(svg).get("702");
		double cx = Double.parseDouble(singapore.getAttribute("cx"));
		double cy = Double.parseDouble(singapore.getAttribute("cy"));
		// 1.3N 103.8E
		assertThat(cx).isBetween(750.0, 765.0);
		assertThat(cy).isBetween(265.0, 280.0);
		// at the tip of the Malay peninsula: south of Malaysia's top, north of
		// Indonesia's bottom, within both from east to west
		Map<String, Element> paths = pathsByM49(svg);
		double[] malaysia = bounds(paths.get("458").getAttribute("d"));
		double[] indonesia = bounds(paths.get("360").getAttribute("d"));
		assertThat(cx).isBetween(malaysia[0], malaysia[2]).isBetween(indonesia[0], indonesia[2]);
		assertThat(cy).isBetween(malaysia[1], indonesia[3]);
		// Malta, south of Sicily
		Element malta = dotsByM49(svg).get("470");
		assertThat(Double.parseDouble(malta.getAttribute("cx"))).isCloseTo((14.5 + 180) * 960 / 360, within(0.1));
		assertThat(Double.parseDouble(malta.getAttribute("cy"))).isCloseTo((84 - 35.9) * 470 / 142, within(0.1));
	}

	@Test
	void escapesHostileText() throws Exception {
		String hostile = "<script>alert(\"x\")</script> & co";
		String markup = this.map.svg(Map.of(76, "yes\" onclick=\"alert(1)"), Map.of(76, hostile), "<b>'map'</b>");
		assertThat(markup).doesNotContain("<script", "<b>", "\" onclick")
			.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
		Document svg = parse(markup);
		Element brazil = pathsByM49(svg).get("076");
		assertThat(title(brazil)).isEqualTo(hostile);
		assertThat(brazil.getAttribute("class")).isEqualTo("country yes\" onclick=\"alert(1)");
		assertThat(brazil.hasAttribute("onclick")).isFalse();
		assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("<b>'map'</b>");
		assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
	}

	@Test
	void escapesHostileTextOnDots() throws Exception {
		String hostile = "<script>alert(\"x\")</script> & co";
		String markup = this.map.svg(Map.of(702, "yes\" onclick=\"alert(1)"), Map.of(702, hostile), "World");
		assertThat(markup).doesNotContain("<script", "\" onclick");
		Element singapore = dotsByM49(parse(markup)).get("702");
		assertThat(title(singapore)).isEqualTo(hostile);
		assertThat(singapore.getAttribute("class")).isEqualTo("country yes\" onclick=\"alert(1) small");
		assertThat(singapore.hasAttribute("onclick")).isFalse();
	}

	@Test
	void dropsCharactersThatXmlForbids() throws Exception {
		Document svg = parse(this.map.svg(Map.of(), Map.of(76, "a\u0000b\u0007c\uD800d\uD83C\uDF0Ee"), "x"));
		assertThat(title(pathsByM49(svg).get("076"))).isEqualTo("abcd\uD83C\uDF0Ee");
	}

	@Test
	void hasNoStyles() throws Exception {
		String markup = this.map.svg(Map.of(76, "yes", 702, "yes"), Map.of(), "World");
		assertThat(markup).doesNotContainPattern("(?i)\\sstyle\\s*=").doesNotContainIgnoringCase("<style");
		Document svg = parse(markup);
		NodeList all = svg.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			assertThat(((Element) all.item(i)).hasAttribute("style")).isFalse();
		}
	}

	@Test
	void isWellFormedSvg() throws Exception {
		Document svg = parse(this.map.svg(Map.of(), Map.of(), "World"));
		Element root = svg.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 960 470");
		assertThat(svg.getElementsByTagNameNS(SVG_NS, "g").getLength()).isOne();
		assertThat(svg.getElementsByTagNameNS(SVG_NS, "circle").getLength()).isEqualTo(SMALL_STATES.size());
	}

	@Test
	void staysInsideTheViewBoxWithoutStreaks() throws Exception {
		// rings across the antimeridian (Russia, Fiji) are clipped at the edges, not
		// drawn across the map
		Document svg = parse(this.map.svg(Map.of(), Map.of(), "World"));
		NodeList paths = svg.getElementsByTagNameNS(SVG_NS, "path");
		for (int i = 0; i < paths.getLength(); i++) {
			Element path = (Element) paths.item(i);
			String d = path.getAttribute("d");
			assertThat(d).matches("(M[^Mz]+z)+");
			for (List<double[]> ring : rings(d)) {
				double[] previous = ring.get(0);
				for (double[] point : ring) {
					assertThat(point[0]).as("x in %s", title(path)).isBetween(0.0, (double) WorldMap.WIDTH);
					assertThat(point[1]).as("y in %s", title(path)).isBetween(0.0, (double) WorldMap.HEIGHT);
					assertThat(Math.abs(point[0] - previous[0])).as("step in %s", title(path))
						.isLessThan(WorldMap.WIDTH / 4.0);
					previous = point;
				}
			}
		}
		// Chukotka and Fiji show on both edges
		Map<String, Element> byM49 = pathsByM49(svg);
		for (String m49 : List.of("643", "242")) {
			List<List<double[]>> rings = rings(byM49.get(m49).getAttribute("d"));
			assertThat(rings)
				.anySatisfy((ring) -> assertThat(ring).allSatisfy((point) -> assertThat(point[0]).isLessThan(100)));
			assertThat(rings)
				.anySatisfy((ring) -> assertThat(ring).allSatisfy((point) -> assertThat(point[0]).isGreaterThan(860)));
		}
	}

	@Test
	void isReadOnceAndShared() {
		assertThat(WorldMap.natural()).isSameAs(this.map);
		Map<Integer, String> classes = new HashMap<>();
		for (Integer m49 : this.map.m49Codes()) {
			classes.put(m49, (m49 % 2 == 0) ? "yes" : "no");
		}
		String first = this.map.svg(classes, Map.of(), "World");
		assertThat(this.map.svg(classes, Map.of(), "World")).isEqualTo(first);
	}

	/** The absolute positions in each ring of path data (M x y l dx dy ... z). */
	private static List<List<double[]>> rings(String d) {
		List<List<double[]>> rings = new ArrayList<>();
		Matcher ring = RING.matcher(d);
		while (ring.find()) {
			Matcher numbers = NUMBER.matcher(ring.group(1) + " " + ring.group(2));
			List<Double> values = new ArrayList<>();
			while (numbers.find()) {
				values.add(Double.parseDouble(numbers.group()));
			}
			List<double[]> points = new ArrayList<>();
			long x = 0;
			long y = 0;
			for (int i = 0; i + 1 < values.size(); i += 2) {
				// in tenths, as written, so that summing the steps is exact
				x += Math.round(values.get(i) * 10);
				y += Math.round(values.get(i + 1) * 10);
				points.add(new double[] { x / 10.0, y / 10.0 });
			}
			rings.add(points);
		}
		return rings;
	}

	/** The bounding box of path data: min x, min y, max x, max y. */
	private static double[] bounds(String d) {
		double[] bounds = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (List<double[]> ring : rings(d)) {
			for (double[] point : ring) {
				bounds[0] = Math.min(bounds[0], point[0]);
				bounds[1] = Math.min(bounds[1], point[1]);
				bounds[2] = Math.max(bounds[2], point[0]);
				bounds[3] = Math.max(bounds[3], point[1]);
			}
		}
		return bounds;
	}

	private static Document parse(String markup) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		DocumentBuilder builder = factory.newDocumentBuilder();
		return builder.parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
	}

	private static Map<String, Element> pathsByM49(Document svg) {
		Map<String, Element> paths = new HashMap<>();
		NodeList nodes = svg.getElementsByTagNameNS(SVG_NS, "path");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element path = (Element) nodes.item(i);
			if (path.hasAttribute("data-m49")) {
				assertThat(paths.put(path.getAttribute("data-m49"), path)).as("one path per country").isNull();
			}
		}
		return paths;
	}

	private static Map<String, Element> dotsByM49(Document svg) {
		Map<String, Element> dots = new HashMap<>();
		NodeList nodes = svg.getElementsByTagNameNS(SVG_NS, "circle");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element dot = (Element) nodes.item(i);
			assertThat(dots.put(dot.getAttribute("data-m49"), dot)).as("one dot per state").isNull();
		}
		return dots;
	}

	private static String title(Element path) {
		NodeList titles = path.getElementsByTagNameNS(SVG_NS, "title");
		assertThat(titles.getLength()).isOne();
		return titles.item(0).getTextContent();
	}

}
