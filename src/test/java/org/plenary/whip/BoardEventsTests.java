package org.plenary.whip;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of live updates goes to each board as one piece of text: the same server-sent
 * events, in the same order, as one event at a time would have sent.
 */
class BoardEventsTests {

	@Test
	void aBatchIsTheRowsThenTheTallyTheMapAndTheForecastEachLineOfDataMarked() {
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("BRA", "<tr id=\"row-BRA\">\n<td>Brazil</td>\r\n</tr>");
		rows.put("CIV", "<tr id=\"row-CIV\"><td>Côte d’Ivoire</td></tr>");
		String text = BoardEvents.events(new BoardRenderer.Update(rows, "<section>tally</section>", "<i></i>", null));
		assertThat(text).isEqualTo("""
				event:stance-BRA
				data:<tr id="row-BRA">
				data:<td>Brazil</td>
				data:</tr>

				event:stance-CIV
				data:<tr id="row-CIV"><td>Côte d’Ivoire</td></tr>

				event:tally
				data:<section>tally</section>

				event:map
				data:<i></i>

				""");
	}

	@Test
	void noMapEventWhenNoColourChanged() {
		String text = BoardEvents.events(new BoardRenderer.Update(Map.of(), "t", "", "forecast"));
		assertThat(text).isEqualTo("event:tally\ndata:t\n\nevent:forecast\ndata:forecast\n\n");
	}

}
