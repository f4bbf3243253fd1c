package org.plenary.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1}: every call takes a bearer token, so Swagger
 * UI offers "Authorize" for one.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI plenaryApi() {
		return new OpenAPI()
			.info(new Info().title("Plenary API")
				.version("v1")
				.description("Every action of the Plenary UI, as JSON. Send the header 'Authorization: Bearer TOKEN'; "
						+ "create a token on your account page or with './plenary token create --user NAME'. "
						+ "Errors are RFC 9457 problem details."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
