package org.plenary.system;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * What {@link HostileCharacters} does for parameters, done for the texts a filter cannot
 * see: every text of a JSON body, once it is read, and the fields and file names of an
 * upload, once the table of rights has let it be read. A NUL, a control character or half
 * of a surrogate pair is refused with 400 naming the field ({@code states[2].note});
 * JSON's {@code \ud800} escape would otherwise reach PostgreSQL as {@code ?}, changing
 * what the user sent without a word.
 */
@ControllerAdvice
@Configuration(proxyBeanMethods = false)
class HostileBodies extends RequestBodyAdviceAdapter implements WebMvcConfigurer, HandlerInterceptor {

	/** Deeper than any body of the API nests. */
	private static final int MAX_DEPTH = 12;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		check(body, "", 0);
		return body;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// after the table of rights (order 0): its refusal comes before any upload is
		// read
		registry.addInterceptor(this).order(100);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request instanceof MultipartHttpServletRequest upload) {
			for (Map.Entry<String, String[]> field : upload.getParameterMap().entrySet()) {
				checkText(field.getKey(), field.getKey());
				for (String value : field.getValue()) {
					checkText(value, field.getKey());
				}
			}
			for (MultipartFile file : upload.getFileMap().values()) {
				checkText(file.getOriginalFilename(), file.getName() + " (its file name)");
			}
			for (Map.Entry<String, java.util.List<MultipartFile>> files : upload.getMultiFileMap().entrySet()) {
				for (MultipartFile file : files.getValue()) {
					checkText(file.getOriginalFilename(), files.getKey() + " (its file name)");
				}
			}
		}
		return true;
	}

	private static void check(Object value, String path, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof String text) {
			checkText(text, path.isEmpty() ? "body" : path);
		}
		else if (value instanceof Record record) {
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				Object held;
				try {
					java.lang.reflect.Method accessor = component.getAccessor();
					// the API's records are often package-private to their module
					accessor.setAccessible(true);
					held = accessor.invoke(record);
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					// an accessor that cannot be called holds nothing a client sent
					continue;
				}
				check(held, join(path, component.getName()), depth + 1);
			}
		}
		else if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				check(item, path + "[" + i++ + "]", depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				check(entry.getKey(), path, depth + 1);
				check(entry.getValue(), join(path, String.valueOf(entry.getKey())), depth + 1);
			}
		}
		else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
			for (int i = 0; i < Array.getLength(value); i++) {
				check(Array.get(value, i), path + "[" + i + "]", depth + 1);
			}
		}
	}

	private static void checkText(String text, String field) {
		String problem = HostileCharacters.problem(text);
		if (problem != null) {
			throw new InvalidInputException(HostileCharacters.printable(field), "This text " + problem);
		}
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

}
