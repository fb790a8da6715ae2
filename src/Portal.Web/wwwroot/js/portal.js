// Progressive enhancement for residents' pages: character counters on fields with a limit.
// Everything works without this file.
document.querySelectorAll("[data-counter]").forEach(function (field) {
    var max = parseInt(field.getAttribute("maxlength") || field.getAttribute("data-max"), 10);
    var out = document.getElementById(field.getAttribute("data-counter"));
    if (!out || !max) return;
    var update = function () {
        var n = field.value.length;
        out.textContent = "已输入 " + n + " / " + max + " 字";
        out.classList.toggle("over", n > max);
    };
    field.addEventListener("input", update);
    update();
});
