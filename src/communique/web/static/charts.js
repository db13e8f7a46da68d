/* Draws every plotly figure of the page from the JSON embedded next to it.
   A click on a point whose customdata is a local path ("/articles/...") opens it. */
(function () {
  "use strict";
  function local(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/";
  }
  document.querySelectorAll(".plot[data-figure]").forEach(function (el) {
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source || typeof Plotly === "undefined") { return; }
    var fig = JSON.parse(source.textContent);
    Plotly.newPlot(el, fig.data, fig.layout, {displaylogo: false, responsive: true,
      modeBarButtonsToRemove: ["select2d", "lasso2d"]}).then(function () {
      el.setAttribute("data-rendered", "true");
    });
    el.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      if (point && local(point.customdata)) { window.location.assign(point.customdata); }
    });
  });
})();
