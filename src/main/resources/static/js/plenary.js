// Sends the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
	var token = document.querySelector('meta[name="csrf-token"]');
	var header = document.querySelector('meta[name="csrf-header"]');
	if (token && header && event.detail.verb !== 'get') {
		event.detail.headers[header.content] = token.content;
	}
});

// A menu (details.menu) closes when one clicks elsewhere or presses Escape in it; Escape
// gives the focus back to its name. It opens and closes with the keyboard by itself.
document.addEventListener('click', function (event) {
	document.querySelectorAll('details.menu[open]').forEach(function (menu) {
		if (!menu.contains(event.target)) {
			menu.open = false;
		}
	});
});
document.addEventListener('keydown', function (event) {
	var menu = event.key === 'Escape' && event.target.closest ? event.target.closest('details.menu[open]') : null;
	if (menu) {
		menu.open = false;
		menu.querySelector('summary').focus();
	}
});
