document.getElementById("app").textContent = "劳模知识图谱";
