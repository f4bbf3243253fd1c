/**
 * The system module: what every capability stands on. The database (an embedded
 * PostgreSQL when none is configured, see {@link org.plenary.system.EmbeddedDatabase})
 * and its backup and restore ({@code ./plenary backup} and {@code restore}), the command
 * line ({@link org.plenary.system.PlenaryCommand}), the web layout and error pages, the
 * JSON error format of the API, and the limits every request meets before a controller
 * sees it: the size of a JSON body, the size of an upload (each module declares its
 * {@link org.plenary.system.UploadLimit}s) and characters no text may hold.
 * <p>
 * Depends on no other module. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.plenary.system;
