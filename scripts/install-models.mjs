console.log("models: pending")
