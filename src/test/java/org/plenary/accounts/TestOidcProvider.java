package org.plenary.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Connect provider for tests, on a random port of localhost: discovery, a
 * JWKS, an authorize endpoint that signs in whoever the test says (no page: it redirects
 * back at once with a code), and a token endpoint that answers with an RS256-signed ID
 * token carrying the nonce. Codes work once; the client must authenticate with its
 * secret.
 */
final class TestOidcProvider implements AutoCloseable {

	static final String CLIENT_ID = "plenary-test";

	static final String CLIENT_SECRET = "not-a-real-secret";

	private final HttpServer server;

	private final RSAKey key;

	private final AtomicReference<Map<String, Object>> person = new AtomicReference<>(Map.of());

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private record Grant(Map<String, Object> claims, String nonce, String redirectUri) {
	}

	private TestOidcProvider(HttpServer server, RSAKey key) {
		this.server = server;
		this.key = key;
	}

	static TestOidcProvider start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			TestOidcProvider provider = new TestOidcProvider(server,
					new RSAKeyGenerator(2048).keyID("test-key").generate());
			server.createContext("/idp/.well-known/openid-configuration", provider::discovery);
			server.createContext("/idp/jwks", provider::jwks);
			server.createContext("/idp/authorize", provider::authorize);
			server.createContext("/idp/token", provider::token);
			server.start();
			return provider;
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String issuer() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/idp";
	}

	/** Who is signed in at the provider: the claims of the next ID token. */
	void signedIn(Map<String, Object> claims) {
		this.person.set(Map.copyOf(claims));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void discovery(HttpExchange exchange) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", issuer());
		document.put("authorization_endpoint", issuer() + "/authorize");
		document.put("token_endpoint", issuer() + "/token");
		document.put("jwks_uri", issuer() + "/jwks");
		document.put("response_types_supported", List.of("code"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("scopes_supported", List.of("openid", "profile", "email"));
		document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		json(exchange, 200, JSONObjectUtils.toJSONString(document));
	}

	private void jwks(HttpExchange exchange) throws IOException {
		json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString());
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
			json(exchange, 400, "{\"error\":\"invalid_request\"}");
			return;
		}
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new Grant(this.person.get(), query.get("nonce"), query.get("redirect_uri")));
		String location = query.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			json(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Grant grant = this.codes.remove(String.valueOf(body.get("code")));
		if (grant == null || !"authorization_code".equals(body.get("grant_type"))
				|| !grant.redirectUri().equals(body.get("redirect_uri"))) {
			json(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		try {
			Instant now = Instant.now();
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
				.audience(CLIENT_ID)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(300)))
				.claim("nonce", grant.nonce());
			grant.claims().forEach(claims::claim);
			SignedJWT idToken = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(), claims.build());
			idToken.sign(new RSASSASigner(this.key));
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("access_token", UUID.randomUUID().toString());
			answer.put("token_type", "Bearer");
			answer.put("expires_in", 300);
			answer.put("scope", "openid profile email");
			answer.put("id_token", idToken.serialize());
			json(exchange, 200, JSONObjectUtils.toJSONString(answer));
		}
		catch (JOSEException ex) {
			throw new IOException(ex);
		}
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> values = new HashMap<>();
		if (encoded == null) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
