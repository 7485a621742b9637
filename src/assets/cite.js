// "Cite this": a Copy button beside each reference, where the browser allows copying. Without this script
// (or without clipboard access, as on file:// in some browsers) the references are plain text to select.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll(".cite-reference").forEach(function (reference) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-describedby", reference.id);
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(reference.textContent.trim()).then(
        function () {
          button.textContent = "Copied";
          setTimeout(function () {
            button.textContent = "Copy";
          }, 2000);
        },
        function () {
          button.textContent = "Select and copy";
        },
      );
    });
    reference.after(button);
  });
})();
