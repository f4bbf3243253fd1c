package org.plenary.outreach;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled tasks: the not-contacted check runs on a schedule as well as when
 * lists are read, so follow-ups appear for campaigns nobody is looking at.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutreachScheduling {

}
