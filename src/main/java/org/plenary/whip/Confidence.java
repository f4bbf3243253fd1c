package org.plenary.whip;

/** How sure we are of a read. */
public enum Confidence {

	LOW, MEDIUM, HIGH

}
